/**
 * The string formats the compiled validators check. Each is a regular
 * expression, so ajv's standalone code writes it into the validators as a
 * literal: the packages need no format library at run time. The checks are
 * syntactic (RFC 3339 dates accept the 31st of any month); a format not listed
 * here (int64, binary, password, ...) is only an annotation and is not checked.
 */

const OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
const IPV4 = `(?:${OCTET}\\.){3}${OCTET}`;
const DATE = "\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])";
// RFC 3339 full-time: a second of 60 is a leap second; the offset is required.
const TIME = "(?:[01]\\d|2[0-3]):[0-5]\\d:(?:[0-5]\\d|60)(?:\\.\\d+)?(?:z|[+-](?:[01]\\d|2[0-3]):[0-5]\\d)";
const LABEL = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
/** Characters RFC 3986 never allows unescaped in a URI. */
const URI_CHARS = '[^\\s"<>\\\\^`{|}]';

/** IPv6address of RFC 3986 (section 3.2.2): 8 groups, one "::" for a run of zeros, an IPv4 tail. */
function ipv6(): string {
  const h = "[0-9a-f]{1,4}";
  const ls32 = `(?:${h}:${h}|${IPV4})`;
  const upTo = (n: number) => `(?:(?:${h}:){0,${n}}${h})?`;
  return [
    `(?:${h}:){6}${ls32}`,
    `::(?:${h}:){5}${ls32}`,
    `(?:${h})?::(?:${h}:){4}${ls32}`,
    `${upTo(1)}::(?:${h}:){3}${ls32}`,
    `${upTo(2)}::(?:${h}:){2}${ls32}`,
    `${upTo(3)}::${h}:${ls32}`,
    `${upTo(4)}::${ls32}`,
    `${upTo(5)}::${h}`,
    `${upTo(6)}::`,
  ].join("|");
}

const whole = (source: string) => new RegExp(`^(?:${source})$`, "i");

export const FORMATS: Readonly<Record<string, RegExp>> = {
  date: whole(DATE),
  time: whole(TIME),
  "date-time": whole(`${DATE}[t ]${TIME}`),
  uuid: whole("(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}"),
  email: whole(`[a-z0-9.!#$%&'*+/=?^_\`{|}~-]+@${LABEL}(?:\\.${LABEL})*`),
  hostname: whole(`(?=.{1,253}\\.?$)${LABEL}(?:\\.${LABEL})*\\.?`),
  ipv4: whole(IPV4),
  ipv6: whole(ipv6()),
  uri: whole(`[a-z][a-z0-9+.-]*:${URI_CHARS}*`),
  "uri-reference": whole(`${URI_CHARS}*`),
  // OpenAPI's base64-encoded bytes.
  byte: whole("(?:[a-z0-9+/]{4})*(?:[a-z0-9+/]{2}==|[a-z0-9+/]{3}=)?"),
};
