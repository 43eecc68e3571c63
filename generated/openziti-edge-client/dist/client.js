import { createRuntime, isApiError as isRuntimeApiError, } from "./runtime.js";
const definition = {
    servers: [{ url: "https://demo.ziti.dev/edge/client/v1", variables: {} }],
    securitySchemes: {
        oauth2: { type: "oauth2" },
        ztSession: { type: "apiKey", in: "header", name: "zt-session" },
    },
};
/**
 * Creates a client for OpenZiti Edge Client API.
 *
 * @example
 * const api = createOpenzitiEdgeClient({ auth: { oauth2: process.env.API_TOKEN } });
 */
export function createOpenzitiEdgeClient(options = {}) {
    const runtime = createRuntime(definition, options);
    return {
        session: {
            listSessions: runtime.paginated({
                id: "listSessions",
                method: "get",
                path: "/sessions",
                security: [["ztSession"], ["oauth2"]],
                pagination: {
                    limit: "limit",
                    offset: "offset",
                    items: ["data"],
                    total: ["meta", "pagination", "totalCount"],
                },
            }),
            createSession: runtime.operation({
                id: "createSession",
                method: "post",
                path: "/sessions",
                security: [["ztSession"], ["oauth2"]],
                bodyContentType: "application/json",
            }),
            detailSession: runtime.operation({
                id: "detailSession",
                method: "get",
                path: "/sessions/{id}",
                security: [["ztSession"], ["oauth2"]],
            }),
            deleteSession: runtime.operation({
                id: "deleteSession",
                method: "delete",
                path: "/sessions/{id}",
                security: [["ztSession"], ["oauth2"]],
            }),
        },
        raw: runtime.raw,
    };
}
/**
 * True when `error` is the ApiError thrown by the named operation; narrows its
 * `status` (a union of the declared codes) and `body` (typed per status).
 *
 * @example
 * if (isApiError(error, "listSessions") && error.status === 400) console.log(error.body);
 */
export const isApiError = isRuntimeApiError;
