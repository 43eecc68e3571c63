import type { PathStyle, QueryStyle } from "./definition.js";
/** A parameter value as text: Dates as ISO 8601 (what date-time means in a spec), the rest via String. */
export declare function text(value: unknown): string;
/** What buildPath needs of an operation: its path split at `{name}` (odd indexes are names). */
export interface PathTemplate {
    readonly id: string;
    readonly segments: readonly string[];
    readonly pathStyles?: Readonly<Record<string, PathStyle>> | undefined;
}
export declare function buildPath(op: PathTemplate, path: Record<string, unknown> | undefined): string;
/**
 * OpenAPI query serialization; names and values are percent-encoded (`filter[x]` -> `filter%5Bx%5D`).
 * Not openapi-fetch's `createQuerySerializer`, though this loop is the same composition of its
 * serializers: that one takes one style for all arrays and one for all objects (objects default to
 * deepObject, where OpenAPI's default is form), while a spec sets style and explode per parameter.
 * Using it would take one serializer per parameter per call (more allocation on every request), and
 * we would still need the parts it leaves out (encoded names, Dates, null items, unexploded
 * space/pipe-delimited objects).
 */
export declare function serializeQuery(query: Record<string, unknown>, styles: Readonly<Record<string, QueryStyle>> | undefined): string;
/** Header values onto lower-cased names; null/undefined skipped. Arrays become `a,b` (style simple). */
export declare function assignHeaders(target: Record<string, string>, source: Record<string, unknown>): void;
