import { escapeXml, toXml, type XmlObject } from "./xml";

/** What a handler returns; the server writes it to the socket. */
export type WireResponse = { status: number; headers: Record<string, string>; body: string };

const EC2_NS = "http://ec2.amazonaws.com/doc/2016-11-15/";
const STS_NS = "https://sts.amazonaws.com/doc/2011-06-15/";

export function ec2Response(action: string, requestId: string, result: XmlObject): WireResponse {
  const body =
    `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${EC2_NS}">` +
    `<requestId>${requestId}</requestId>${toXml(result)}</${action}Response>`;
  return { status: 200, headers: xmlHeaders(requestId), body };
}

// EC2's error envelope differs from the other Query services (EC2 API reference, "Error codes").
export function ec2Error(requestId: string, code: string, message: string, status: number): WireResponse {
  const body =
    `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${escapeXml(code)}</Code>` +
    `<Message>${escapeXml(message)}</Message></Error></Errors><RequestID>${requestId}</RequestID></Response>`;
  return { status, headers: xmlHeaders(requestId), body };
}

export function stsResponse(action: string, requestId: string, result: XmlObject): WireResponse {
  const body =
    `<${action}Response xmlns="${STS_NS}"><${action}Result>${toXml(result)}</${action}Result>` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`;
  return { status: 200, headers: xmlHeaders(requestId), body };
}

export function stsError(requestId: string, code: string, message: string, status: number): WireResponse {
  const type = status >= 500 ? "Receiver" : "Sender";
  const body =
    `<ErrorResponse xmlns="${STS_NS}"><Error><Type>${type}</Type><Code>${escapeXml(code)}</Code>` +
    `<Message>${escapeXml(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
  return { status, headers: xmlHeaders(requestId), body };
}

export function jsonResponse(requestId: string, payload: unknown, status = 200): WireResponse {
  return {
    status,
    headers: { "content-type": "application/json", "x-amzn-requestid": requestId },
    body: JSON.stringify(payload ?? {}),
  };
}

export function jsonError(requestId: string, code: string, message: string, status: number): WireResponse {
  return {
    status,
    headers: { "content-type": "application/json", "x-amzn-requestid": requestId, "x-amzn-errortype": code },
    body: JSON.stringify({ message }),
  };
}

function xmlHeaders(requestId: string): Record<string, string> {
  return { "content-type": "text/xml;charset=UTF-8", "x-amzn-requestid": requestId };
}
