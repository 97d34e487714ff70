# syntax=docker/dockerfile:1
# Ficha: one image for the API (`ficha api`) and the worker (`ficha worker`).
# Production sets DATABASE_URL, REDIS_URL, FICHA_SECRET_KEY and FICHA_ENVIRONMENT=production.

# --- 1. The console (SPA) ------------------------------------------------------------------
FROM node:20-bookworm-slim AS spa
WORKDIR /src/frontend
COPY frontend/ ./
COPY openapi.json /src/openapi.json
RUN if [ -f package.json ]; then npm ci --no-audit --no-fund && npm run build; \
    else mkdir -p dist && cp placeholder/index.html dist/index.html; fi

# --- 2. Python dependencies, from the lock file ---------------------------------------------
FROM python:3.11-slim-bookworm AS deps
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/venv
COPY requirements.lock /tmp/requirements.lock
RUN /opt/venv/bin/pip install -r /tmp/requirements.lock

# --- 3. Runtime: non-root, no build tools ---------------------------------------------------
FROM python:3.11-slim-bookworm AS runtime
ENV PATH=/opt/venv/bin:$PATH PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    FICHA_ENVIRONMENT=production FICHA_HOST=0.0.0.0 FICHA_DATA_DIR=/var/lib/ficha
RUN groupadd --system ficha && useradd --system --gid ficha --home /app ficha \
    && mkdir -p /var/lib/ficha && chown ficha:ficha /var/lib/ficha
WORKDIR /app
COPY --from=deps /opt/venv /opt/venv
COPY pyproject.toml alembic.ini README.md ./
COPY api ./api
COPY migrations ./migrations
COPY --from=spa /src/frontend/dist ./frontend/dist
RUN pip install --no-deps --no-build-isolation . 2>/dev/null || pip install --no-deps .
USER ficha
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s CMD python -c "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz').status != 200)"
# Run `ficha migrate` once per release (e.g. a job), then N × `ficha api` and M × `ficha worker`.
CMD ["ficha", "api"]
