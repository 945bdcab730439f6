// The part of the API client that loads the Alibaba Cloud SDK, as ONE bundle (dist/client.js) that
// the extension (on its first request, connection/clientLoader.ts) and the CLI's service commands
// (dist/commands/*.js) share: scripts/build.mjs points their imports of client.ts and
// credentials.ts here, so this module exports every value either of them exports.
export { API_VERSION, DataWorksClient, collectAll, pages } from './client';
export { createCredential, endpointFor, listAliyunProfiles } from './credentials';
