// Everything the extension needs that pulls in the Alibaba Cloud SDK (@alicloud/openapi-client,
// @alicloud/credentials) or starts the emulator. scripts/build.mjs bundles it on its own
// (dist/client.js); clientLoader.ts loads it on the first request, never at activation.
export { DataWorksClient } from '../../dataworks/client';
export { listAliyunProfiles } from '../../dataworks/credentials';
export { startEmulatorProcess } from './emulatorProcess';
