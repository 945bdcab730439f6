// The one way into clientModules.ts: a dynamic import, which the build turns into a require() of
// dist/client.js. Opening any JSONC file activates the extension; the SDK costs more to load than
// all of the rest, so it waits for the first request (or Select Profile, Use Local Emulator).
export type ClientModules = typeof import('./clientModules.js');

let loading: Promise<ClientModules> | undefined;
let loaded = false;

export function loadClientModules(): Promise<ClientModules> {
  loading ??= import('./clientModules.js').then((m) => {
    loaded = true;
    return m;
  });
  return loading;
}

/** Whether the client bundle has been loaded in this extension host (ExtensionApi.clientLoaded). */
export function clientModulesLoaded(): boolean {
  return loaded;
}
