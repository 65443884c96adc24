#!/bin/bash
# Does pg-boss's `pgboss` schema disturb Prisma Migrate (6.19, WASM engine through the adapter)?
# Uses a copy of /work/main/prisma + prisma.config.ts in prisma-try/ with node_modules -> /work/main/node_modules.
set -u
cd /work/research15/prisma-try
export DATABASE_URL=postgres://postgres@127.0.0.1:5432/r15_prisma
P="node node_modules/prisma/build/index.js"
psql -h 127.0.0.1 -U postgres -qc 'drop database if exists r15_prisma' -c 'create database r15_prisma' 2>/dev/null
$P migrate deploy >/dev/null 2>&1 && echo "migrate deploy: ok"
echo "== diff live DB vs schema.prisma BEFORE pg-boss"; $P migrate diff --from-schema-datasource prisma/schema.prisma --to-schema-datamodel prisma/schema.prisma --exit-code >/tmp/r15diff1 2>&1; echo "exit=$? (0 = no difference)"; tail -3 /tmp/r15diff1
# install pg-boss's schema (what boss.start() does), plus the audit table with its trigger, outside Prisma
node -e '
const PgBoss = require("/work/research15/node_modules/pg-boss");
const pg = require("/work/research15/node_modules/pg");
(async () => { const c = new pg.Client(process.env.DATABASE_URL); await c.connect();
  await c.query(PgBoss.getConstructionPlans("pgboss")); console.log("pgboss schema installed from getConstructionPlans()");
  await c.end(); })();'
echo "== diff live DB vs schema.prisma AFTER pg-boss"; $P migrate diff --from-schema-datasource prisma/schema.prisma --to-schema-datamodel prisma/schema.prisma --exit-code >/tmp/r15diff2 2>&1; echo "exit=$? (0 = no difference)"; tail -3 /tmp/r15diff2
echo "== migrate status"; $P migrate status 2>&1 | tail -2
