#!/bin/sh
# Prisma's CLI would download its native schema engine, which cannot be fetched here. Pointing it at this stub
# makes `generate` work (it never runs the engine) and any migrate command fail loudly instead of silently.
echo "prisma: the native schema engine is not used in this project; run npm run db:migrate:create / db:deploy (wasm engine)" >&2
exit 1
