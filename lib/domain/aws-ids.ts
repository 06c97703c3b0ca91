import { z } from "zod";
import { isAwsRegion } from "./aws-regions";
import { parseCidr } from "./cidr";

// AWS resource ids are a prefix and 8 (older) or 17 (current) lowercase hex digits.
function idPattern(prefix: string): RegExp {
  return new RegExp(`^${prefix}-(?:[0-9a-f]{8}|[0-9a-f]{17})$`);
}

export const ACCOUNT_ID_PATTERN = /^\d{12}$/;
export const VPC_ID_PATTERN = idPattern("vpc");
export const SG_ID_PATTERN = idPattern("sg");
export const SUBNET_ID_PATTERN = idPattern("subnet");

export const accountIdSchema = z
  .string({ error: "Enter the 12-digit AWS account id" })
  .trim()
  .regex(ACCOUNT_ID_PATTERN, "Account id must be 12 digits");

export const regionSchema = z
  .string({ error: "Choose an AWS region" })
  .trim()
  .refine((region): boolean => isAwsRegion(region), { error: "Choose a known AWS region code, like us-east-1" });

export const vpcIdSchema = z
  .string({ error: "Enter a VPC id like vpc-0abc1234" })
  .trim()
  .regex(VPC_ID_PATTERN, "Enter a VPC id like vpc-0abc1234");

export const securityGroupIdSchema = z
  .string({ error: "Enter a security group id like sg-0abc1234" })
  .trim()
  .regex(SG_ID_PATTERN, "Enter a security group id like sg-0abc1234");

export const subnetIdSchema = z
  .string({ error: "Enter a subnet id like subnet-0abc1234" })
  .trim()
  .regex(SUBNET_ID_PATTERN, "Enter a subnet id like subnet-0abc1234");

export const cidrSchema = z
  .string({ error: "Enter a CIDR like 10.0.0.0/16" })
  .trim()
  .superRefine((value, ctx) => {
    const parsed = parseCidr(value);
    if (parsed.ok) return;
    ctx.addIssue({
      code: "custom",
      message:
        parsed.reason === "not-network"
          ? `${value} is not a network address; did you mean ${parsed.suggestion}?`
          : parsed.reason === "prefix"
            ? "The prefix length after / must be 0 to 32"
            : parsed.reason === "octet"
              ? "Each number of an IPv4 address must be 0 to 255"
              : "Enter a CIDR like 10.0.0.0/16",
    });
  });
