import { z } from "zod";

/**
 * The prices the cost estimate uses, in USD, each with the AWS page it belongs to and the day it was checked.
 * AWS's pricing pages fill their rate tables in the browser, so the stored copies read on that day showed no
 * figure for most of these: such a price is `confirmed: false` (the UI says "unconfirmed"), and where no
 * source at all gave a figure, `usd` is null rather than a guess. Update a figure only from AWS's own page,
 * and set `checked` to the day you read it.
 */
export const PRICE_KINDS = [
  "tgw-attachment-hour",
  "tgw-data-processed-gb",
  "peering-same-az-gb",
  "cross-az-transfer-gb",
  "inter-region-transfer-gb",
  "msk-vpc-connection-hour",
  "msk-vpc-connection-gb",
] as const;
export type PriceKind = (typeof PRICE_KINDS)[number];

/** The Regions with a row of their own; any other Region is priced from the `fallback` row and says so. */
export const PRICED_REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-1"] as const;
export type PricedRegion = (typeof PRICED_REGIONS)[number];

export const PRICES_CHECKED_ON = "2026-12-02";

export const PRICE_SOURCES = {
  transitGateway: "https://aws.amazon.com/transit-gateway/pricing/",
  vpc: "https://aws.amazon.com/vpc/pricing/",
  ec2DataTransfer: "https://aws.amazon.com/ec2/pricing/on-demand/#Data_Transfer",
  msk: "https://aws.amazon.com/msk/pricing/",
  // AWS's own statement that peering traffic inside one Availability Zone is free.
  peeringSameAz: "https://docs.aws.amazon.com/whitepapers/latest/building-scalable-secure-multi-vpc-network-infrastructure/vpc-peering.html",
} as const;

export const priceEntrySchema = z
  .strictObject({
    kind: z.enum(PRICE_KINDS),
    // "all": AWS states one rule for every Region; "fallback": any Region without a row of its own.
    region: z.union([z.enum(PRICED_REGIONS), z.literal("all"), z.literal("fallback")]),
    usd: z.number().nonnegative().nullable(),
    unit: z.string().min(1),
    source: z.url().refine((u) => /^https:\/\/(aws\.amazon\.com|docs\.aws\.amazon\.com)\//.test(u), "Prices come from AWS's own pages"),
    checked: z.iso.date(),
    confirmed: z.boolean(),
    note: z.string().min(1),
  })
  .refine((e) => !e.confirmed || e.usd !== null, "A confirmed price has a figure");
export type PriceEntry = z.infer<typeof priceEntrySchema>;

const UNREAD = "AWS's page renders this rate in the browser; the stored copy read on the day checked showed no figure for it";

type Row = Omit<PriceEntry, "kind" | "unit" | "source" | "checked" | "confirmed" | "note"> & { note?: string };

function rows(kind: PriceKind, unit: string, source: string, note: string, list: Row[]): PriceEntry[] {
  return list.map((r) => ({ kind, unit, source, checked: PRICES_CHECKED_ON, confirmed: false, ...r, note: r.note ?? note }));
}

const SECONDARY_TGW = `${UNREAD}. $0.05 per attachment-hour and $0.02 per GB are AWS's own worked example (US East (Ohio)) as copied by third parties, who quote the same in US and EU Regions`;
const SECONDARY_AZ = `${UNREAD}. Third parties quoting this page give $0.01 per GB in each direction`;
const SECONDARY_REGION = `${UNREAD}. Third parties give $0.02 per GB out of US and EU Regions; Asia Pacific Regions charge more`;
const NO_FIGURE = "No source read gave a figure; look it up on AWS's page before relying on this method's cost";
const MSK_UNIT = "AWS bills multi-VPC private connectivity through the VPC connections (one per authentication scheme); whether per connection or per broker was not confirmed";

const usEu = (usd: number): Row[] => ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1"].map((region) => ({ region: region as PricedRegion, usd }));
const everyRegion = (usd: number | null): Row[] => [...PRICED_REGIONS, "fallback" as const].map((region) => ({ region, usd }));

export const PRICE_TABLE: readonly PriceEntry[] = [
  ...rows("tgw-attachment-hour", "per attachment-hour", PRICE_SOURCES.transitGateway, SECONDARY_TGW, [
    ...usEu(0.05),
    { region: "ap-southeast-1", usd: null, note: NO_FIGURE },
    { region: "fallback", usd: 0.05, note: `Fallback: the us-east-1 figure. ${SECONDARY_TGW}` },
  ]),
  ...rows("tgw-data-processed-gb", "per GB sent into the transit gateway", PRICE_SOURCES.transitGateway, SECONDARY_TGW, [
    ...usEu(0.02),
    { region: "ap-southeast-1", usd: null, note: NO_FIGURE },
    { region: "fallback", usd: 0.02, note: `Fallback: the us-east-1 figure. ${SECONDARY_TGW}` },
  ]),
  {
    kind: "peering-same-az-gb",
    region: "all",
    usd: 0,
    unit: "per GB within one Availability Zone",
    source: PRICE_SOURCES.peeringSameAz,
    checked: PRICES_CHECKED_ON,
    confirmed: true,
    note: "AWS: all data transfer over a VPC peering connection that stays within an Availability Zone is free",
  },
  ...rows("cross-az-transfer-gb", "per GB in each direction across Availability Zones", PRICE_SOURCES.ec2DataTransfer, SECONDARY_AZ, [
    ...PRICED_REGIONS.map((region) => ({ region, usd: 0.01 })),
    { region: "fallback", usd: 0.01, note: `Fallback: the us-east-1 figure. ${SECONDARY_AZ}` },
  ]),
  ...rows("inter-region-transfer-gb", "per GB out to another Region, charged where the data leaves", PRICE_SOURCES.ec2DataTransfer, SECONDARY_REGION, [
    ...usEu(0.02),
    { region: "ap-southeast-1", usd: null, note: NO_FIGURE },
    { region: "fallback", usd: null, note: `Fallback: rates between Region pairs differ too much to assume one. ${NO_FIGURE}` },
  ]),
  ...rows("msk-vpc-connection-hour", "per VPC connection-hour", PRICE_SOURCES.msk, `${MSK_UNIT}. ${NO_FIGURE}`, everyRegion(null)),
  ...rows("msk-vpc-connection-gb", "per GB through the VPC connections", PRICE_SOURCES.msk, NO_FIGURE, everyRegion(null)),
];
