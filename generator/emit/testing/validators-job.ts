/**
 * The compiled validators of a big API are made on a worker thread, at the
 * same time as its types (openapi-typescript, on the main thread): ajv's code
 * generation is the largest stage after the types on GitHub's spec, and the
 * main thread has the rest of the package to make meanwhile. The worker keeps
 * its ajv instance until the run ends, and checks the mock's default answers
 * with it (CompiledValidators.checkAll), so nothing is compiled twice.
 * The module is the same bytes either way: the same code makes it.
 * Small APIs, and runs on a thread of the provider pool, stay in-process, as
 * the docs do (docs-job.ts, whose worker script runs this job too).
 */
import { isMainThread, Worker } from "node:worker_threads";
import { DOCS_WORKER } from "../../paths.ts";
import { worthAThread } from "../docs-job.ts";
import {
  compileValidators,
  type CompiledValidators,
  type RemoteCheck,
  type StoredValidators,
  type ValidatorInputs,
} from "./validators.ts";

export interface ValidatorsJob {
  /** The compiled validators: with their own `check` in-process, plain data from a worker (see {@link remote}). */
  validators: Promise<CompiledValidators | StoredValidators>;
  /** Checks values on the worker that compiled the validators; none in-process. */
  remote?: RemoteCheck;
  /** Stops the worker (the run is over, or failed elsewhere), so the process can exit. */
  cancel(): void;
}

/** What the worker is sent: `{ job: "validators", inputs }`, then one list of values to check at a time. */
export interface ValidatorsWorkerData {
  job: "validators";
  inputs: ValidatorInputs;
}

/** `size`: the API's operations plus models, which decides whether a worker pays for itself (as for the docs). */
export function startValidators(inputs: ValidatorInputs, size: number): ValidatorsJob {
  if (DOCS_WORKER === undefined || !isMainThread || !worthAThread(size)) {
    return { validators: compileValidators(inputs), cancel() {} };
  }
  const worker = new Worker(DOCS_WORKER, { workerData: { job: "validators", inputs } satisfies ValidatorsWorkerData });
  // Answers come back in the order the requests went out (the worker handles one message at a time).
  const waiting: { resolve: (value: unknown) => void; reject: (error: unknown) => void }[] = [];
  const next = () =>
    new Promise<unknown>((resolve, reject) => {
      waiting.push({ resolve, reject });
    });
  const validators = next() as Promise<StoredValidators>;
  const fail = (error: unknown) => {
    for (const w of waiting.splice(0)) w.reject(error);
  };
  worker.on("message", (message: unknown) => waiting.shift()?.resolve(message));
  worker.once("error", fail);
  worker.once("exit", (code) => fail(new Error(`the validators worker exited with code ${code} before it answered`)));
  // Awaited later, after the types: a failure meanwhile must not count as unhandled.
  validators.catch(() => {});
  const remote: RemoteCheck = (requests) => {
    const answers = next() as Promise<(string | null)[]>;
    worker.postMessage(requests);
    return answers;
  };
  return { validators, remote, cancel: () => void worker.terminate() };
}

/** The worker's side: compile, send the plain data, then answer each list of values sent. */
export async function validatorsWorker(
  data: ValidatorsWorkerData,
  port: import("node:worker_threads").MessagePort,
): Promise<void> {
  const { check, checkAll: _checkAll, ...stored } = await compileValidators(data.inputs);
  port.on("message", (requests: Parameters<RemoteCheck>[0]) =>
    port.postMessage(requests.map(([id, status, value]) => check("response", id, status, value) ?? null)),
  );
  port.postMessage(stored);
}
