/** The operations a path item may hold, in the order OpenAPI lists them (and the order we emit them). */
export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

export type HttpMethod = (typeof HTTP_METHODS)[number];
