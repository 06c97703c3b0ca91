// A form field as text: files (which a crafted request can send in any field) and missing fields read as "".
export function formString(value: FormDataEntryValue | null | undefined): string {
  return typeof value === "string" ? value : "";
}
