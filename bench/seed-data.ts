// Scale data for the benchmarks and for trying the portal at size: N campaigns over M brands of one organization,
// mirrored as the registry would report them. Set-based SQL (generate_series), so 100k campaigns take seconds, on
// PostgreSQL and on PGlite alike. Deterministic: the same counts give the same rows.
//   carriers: 3–5 operations per campaign (mostly REGISTERED; REVIEW, REJECTED, SUSPENDED as in a live portfolio)
//   campaigns: 85% ACTIVE, 15% EXPIRED, 3% deleted; 4 use cases weighted as in practice; renewals over a year
//   sharing: 70% ACCEPTED with one of 6 CNPs, 10% PENDING, 5% DECLINED; 5% with an outgoing CNP migration
//   brands: five entity types, identity statuses VERIFIED / UNVERIFIED / SELF_DECLARED / VETTED_VERIFIED
export type Exec = (sql: string, ...params: unknown[]) => Promise<unknown>;

export async function seedScale(exec: Exec, orgId: string, o: { campaigns: number; brands: number; prefix?: string }): Promise<void> {
  const p = o.prefix ?? "S";
  await exec(
    `INSERT INTO "Brand" (id, "orgId", "brandId", "referenceId", "entityType", "displayName", "companyName", country, vertical, status, "identityStatus", "vettingScore", "registryCreatedAt", data, "confirmedAt", "updatedAt")
     SELECT $1 || 'b' || g, $2, $1 || 'B' || lpad(g::text, 6, '0'), 'ref-' || g,
            (ARRAY['PRIVATE_PROFIT','PRIVATE_PROFIT','PRIVATE_PROFIT','PUBLIC_PROFIT','NON_PROFIT','GOVERNMENT','SOLE_PROPRIETOR'])[1 + g % 7],
            'Brand ' || g, 'Company ' || g || ' LLC', 'US',
            (ARRAY['RETAIL','HEALTHCARE','FINANCIAL','TECHNOLOGY','EDUCATION','REAL_ESTATE'])[1 + g % 6],
            'ACTIVE', (ARRAY['VERIFIED','VERIFIED','VERIFIED','UNVERIFIED','SELF_DECLARED','VETTED_VERIFIED'])[1 + g % 6],
            CASE WHEN g % 6 = 5 THEN 40 + g % 60 END,
            timestamp '2026-01-01' + (g || ' hours')::interval, '{}', now(), now()
     FROM generate_series(0, $3::int - 1) g`,
    p, orgId, o.brands,
  );
  await exec(
    `INSERT INTO "Campaign" (id, "orgId", "campaignId", "brandId", "referenceId", usecase, status, "autoRenewal", "registryCreatedAt", "nextRenewalOrExpirationDate", "monthlyFee", "sharingStatus", "upstreamCnpId", "sharedAt", data, "confirmedAt", "deletedAt", "updatedAt")
     SELECT $1 || 'c' || g, $2, $1 || 'C' || lpad(g::text, 7, '0'), $1 || 'B' || lpad((g % $4::int)::text, 6, '0'), 'cref-' || g,
            (ARRAY['MARKETING','MARKETING','MARKETING','2FA','2FA','CUSTOMER_CARE','ACCOUNT_NOTIFICATION','MIXED','LOW_VOLUME','DELIVERY_NOTIFICATION'])[1 + g % 10],
            CASE WHEN g % 20 < 17 THEN 'ACTIVE' ELSE 'EXPIRED' END, g % 4 <> 0,
            timestamp '2026-11-30' - (g || ' minutes')::interval,
            to_char(date '2026-12-07' + (g % 365), 'YYYY-MM-DD'),
            (ARRAY[1.5, 10, 10, 10, 1.5])[1 + g % 5],
            CASE WHEN g % 20 < 14 THEN 'ACCEPTED' WHEN g % 20 < 16 THEN 'PENDING' WHEN g % 20 = 16 THEN 'DECLINED' END,
            CASE WHEN g % 20 < 17 THEN 'CNP' || (g % 6) END,
            CASE WHEN g % 20 < 17 THEN timestamp '2026-11-30' - (g || ' minutes')::interval + interval '1 hour' END,
            '{}', now(), CASE WHEN g % 33 = 0 THEN timestamp '2026-12-01' END, now()
     FROM generate_series(1, $3::int) g`,
    p, orgId, o.campaigns, o.brands,
  );
  await exec(
    `INSERT INTO "CampaignOperation" (id, "campaignRef", "mnoId", status, "confirmedAt", "updatedAt")
     SELECT c.id || '-' || m.mno, c.id, m.mno,
            (ARRAY['REGISTERED','REGISTERED','REGISTERED','REGISTERED','REGISTERED','REGISTERED','REVIEW','REVIEW','REJECTED','SUSPENDED'])[1 + (hashtext(c.id || m.mno) & 1023) % 10],
            now(), now()
     FROM "Campaign" c
     JOIN LATERAL (SELECT unnest(ARRAY['10017','10035','10038','10037','10999']) AS mno, generate_series(1, 5) AS i) m
       ON m.i <= 3 + (hashtext(c.id) & 1023) % 3
     WHERE c."orgId" = $1 AND c.id LIKE $2 || 'c%'`,
    orgId, p,
  );
  await exec(
    `INSERT INTO "CnpMigration" (id, "orgId", "campaignId", direction, status, "targetCnpId", "requestedAt", data, "confirmedAt", "updatedAt")
     SELECT c.id || '-mig', c."orgId", c."campaignId", 'OUTGOING',
            (ARRAY['ACTIVE','ACTIVE','COMPLETE','CANCELED'])[1 + (hashtext(c.id || 'status') & 1023) % 4],
            'CNP9', timestamp '2026-12-01', '{}', now(), now()
     FROM "Campaign" c WHERE c."orgId" = $1 AND c.id LIKE $2 || 'c%' AND (hashtext(c.id) & 1023) % 20 = 0`,
    orgId, p,
  );
  await exec(`ANALYZE "Brand", "Campaign", "CampaignOperation", "CnpMigration"`);
}
