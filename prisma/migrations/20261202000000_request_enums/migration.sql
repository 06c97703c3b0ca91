-- CreateEnum
CREATE TYPE "Scenario" AS ENUM ('same-vpc', 'cross-vpc', 'cross-region', 'cross-account', 'on-prem', 'saas');

-- CreateEnum
CREATE TYPE "PreferredMethod" AS ENUM ('multi-vpc-private-connectivity');

-- CreateEnum
CREATE TYPE "StepKind" AS ENUM ('create-peering', 'accept-peering', 'enable-peering-dns', 'create-route', 'authorize-sg-ingress', 'share-tgw', 'accept-share-invitation', 'attach-vpc-to-tgw', 'accept-tgw-attachment', 'associate-tgw-route-table', 'enable-tgw-propagation', 'enable-multi-vpc-connectivity', 'put-cluster-policy', 'create-vpc-connection-sg', 'create-vpc-connection');

-- The columns keep their strings. A row holding one the enums do not know stops the migration with the column
-- and every such value named, so that it is looked at rather than cast away or reported one value at a time.
DO $$
DECLARE
  col record;
  unknown text;
BEGIN
  FOR col IN SELECT * FROM (VALUES
      ('AccessRequest', 'scenario', 'Scenario'),
      ('AccessRequest', 'preferredMethod', 'PreferredMethod'),
      ('PlanStep', 'kind', 'StepKind')) AS c(tbl, name, enum_type)
  LOOP
    EXECUTE format(
      'SELECT string_agg(DISTINCT quote_literal(%2$I), '', '' ORDER BY quote_literal(%2$I)) FROM %1$I
        WHERE %2$I IS NOT NULL AND %2$I NOT IN (SELECT unnest(enum_range(NULL::%3$I))::text)',
      col.tbl, col.name, col.enum_type) INTO unknown;
    IF unknown IS NOT NULL THEN
      RAISE EXCEPTION '%.% holds values outside the enum %: %', col.tbl, col.name, col.enum_type, unknown
        USING HINT = 'Correct those rows, or add the values to the domain, schema.prisma and this enum, then migrate again.';
    END IF;
  END LOOP;
END $$;

-- AlterTable
ALTER TABLE "AccessRequest" ALTER COLUMN "scenario" TYPE "Scenario" USING ("scenario"::"Scenario"),
ALTER COLUMN "preferredMethod" TYPE "PreferredMethod" USING ("preferredMethod"::"PreferredMethod");

-- AlterTable
ALTER TABLE "PlanStep" ALTER COLUMN "kind" TYPE "StepKind" USING ("kind"::"StepKind");
