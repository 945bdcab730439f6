// The local emulator's default AccessKey pair. Not a secret: it only opens the emulator on loopback,
// and lets the extension connect to an emulator it did not start (npm start, tests).
export const EMULATOR_ACCESS_KEY_ID = 'LTAI5tLocalEmulatorKey';
export const EMULATOR_ACCESS_KEY_SECRET = 'local-emulator-secret-not-a-cloud-key';
export const EMULATOR_DEFAULT_PORT = 18080;
