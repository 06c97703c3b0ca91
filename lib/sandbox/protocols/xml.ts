/**
 * A tiny XML writer for the Query protocols. Arrays become `<item>` children, which is how
 * EC2 serializes every list (`<vpcSet><item>...</item></vpcSet>`).
 */
export type XmlValue = string | number | boolean | Date | undefined | null | XmlObject | XmlValue[];
export type XmlObject = { [key: string]: XmlValue };

export function escapeXml(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

export function toXml(value: XmlValue): string {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return value.map((v) => `<item>${toXml(v)}</item>`).join("");
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") {
    return Object.entries(value)
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([k, v]) => `<${k}>${toXml(v)}</${k}>`)
      .join("");
  }
  return escapeXml(String(value));
}
