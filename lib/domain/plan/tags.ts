import type { PlatformSettings } from "./facts";

export type Tag = { Key: string; Value: string };

export function portalTags(platform: PlatformSettings, requestId: string, stepKey: string): Tag[] {
  const extra = Object.entries(platform.extraTags ?? {}).map(([Key, Value]) => ({ Key, Value }));
  return [
    { Key: platform.tagKeys.requestId, Value: requestId },
    { Key: platform.tagKeys.stepKey, Value: stepKey },
    ...extra,
  ];
}

/** EC2 create calls take tags as TagSpecifications per resource type. */
export function ec2TagSpecifications(platform: PlatformSettings, requestId: string, stepKey: string, resourceType: string) {
  return [{ ResourceType: resourceType, Tags: portalTags(platform, requestId, stepKey) }];
}

/** RAM spells tag fields in lower case. */
export function ramTags(platform: PlatformSettings, requestId: string, stepKey: string) {
  return portalTags(platform, requestId, stepKey).map((t) => ({ key: t.Key, value: t.Value }));
}

/** MSK takes tags as a map. */
export function kafkaTags(platform: PlatformSettings, requestId: string, stepKey: string): Record<string, string> {
  return Object.fromEntries(portalTags(platform, requestId, stepKey).map((t) => [t.Key, t.Value]));
}
