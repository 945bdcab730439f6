// The one way into the API client (dataworks/sdk-bundle.ts): a dynamic import, which the build turns
// into a require() of dist/client.js. The SDK costs more to load than all of the rest, so it waits
// for the first request (or Select Profile).
export type ClientModules = typeof import('../../dataworks/sdk-bundle.js');

let loading: Promise<ClientModules> | undefined;
let loaded = false;

export function loadClientModules(): Promise<ClientModules> {
  loading ??= import('../../dataworks/sdk-bundle.js').then((m) => {
    loaded = true;
    return m;
  });
  return loading;
}

/** Whether the client bundle has been loaded in this extension host (ExtensionApi.clientLoaded). */
export function clientModulesLoaded(): boolean {
  return loaded;
}
