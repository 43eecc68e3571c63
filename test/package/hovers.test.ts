import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { ROOT } from "../support/run.ts";

/**
 * What an editor shows: TypeScript's own rendering of a call's type and
 * signature (what a hover prints), for an app importing a package by name.
 * Names, not structures: `Promise<GetVpnSessionsResult>`.
 */
const APP = join(ROOT, "test", "package", "__hover_app__.ts");
const SOURCE = `import { createLatitudeshClient } from "@apigen/latitudesh";
import { createOpenzitiEdgeClient } from "@apigen/openziti-edge-client";
const lat = createLatitudeshClient();
const ziti = createOpenzitiEdgeClient();
export const list = lat.vpnSessions.getVpnSessions();
export const create = lat.vpnSessions.postVpnSession({ body: {} });
export const detail = ziti.session.detailSession({ params: { path: { id: "s1" } } });
`;

function hovers(): Map<string, { type: string; signature: string }> {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
  };
  // The app exists only in memory, inside the workspace so the packages resolve by name.
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, ...rest) =>
    name === APP ? ts.createSourceFile(name, SOURCE, language) : read(name, language, ...rest);
  const exists = host.fileExists.bind(host);
  host.fileExists = (name) => name === APP || exists(name);
  const program = ts.createProgram([APP], options, host);
  expect(ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))).toEqual(
    [],
  );
  const checker = program.getTypeChecker();
  const out = new Map<string, { type: string; signature: string }>();
  program.getSourceFile(APP)!.forEachChild(function visit(node): void {
    if (ts.isVariableDeclaration(node) && node.initializer && ts.isCallExpression(node.initializer)) {
      out.set(node.name.getText(), {
        type: checker.typeToString(checker.getTypeAtLocation(node.name)),
        signature: checker.signatureToString(checker.getResolvedSignature(node.initializer)!),
      });
    }
    node.forEachChild(visit);
  });
  return out;
}

describe("hovers show the named types", () => {
  it("a call's result and signature", () => {
    const shown = hovers();
    expect(shown.get("list")).toEqual({
      type: "Promise<GetVpnSessionsResult>",
      signature:
        "(params?: GetVpnSessionsParams | undefined, options?: CallOptions | undefined): Promise<GetVpnSessionsResult>",
    });
    expect(shown.get("create")).toEqual({
      type: "Promise<PostVpnSessionResult>",
      signature: "(params: PostVpnSessionParams, options?: CallOptions | undefined): Promise<PostVpnSessionResult>",
    });
    expect(shown.get("detail")?.type).toBe("Promise<DetailSessionResult>");
  });
});
