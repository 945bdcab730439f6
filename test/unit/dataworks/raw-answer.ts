// Test and bench helper: one API answer's text exactly as it comes over HTTP from the emulator (the
// SDK signs the request and is asked for a string body, as the client asks), before any parsing.
import OpenApiClient, { Config, OpenApiRequest, Params } from '@alicloud/openapi-client';
import { RuntimeOptions } from '@alicloud/tea-util';

export interface Endpoint { endpoint: string; accessKeyId: string; accessKeySecret: string }

export function rawAnswers(emu: Endpoint): (action: string, method: 'GET' | 'POST', values: Record<string, string>) => Promise<string> {
  const api = new OpenApiClient(new Config({
    endpoint: new URL(emu.endpoint).host, protocol: 'http', signatureAlgorithm: 'ACS3-HMAC-SHA256',
    accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret,
  }));
  return async (action, method, values) => {
    const params = new Params({ action, version: '2024-05-18', protocol: 'http', pathname: '/', method, authType: 'AK', style: 'RPC', reqBodyType: 'formData', bodyType: 'string' });
    const request = new OpenApiRequest(method === 'GET' ? { query: values } : { body: values });
    try {
      return String((await api.callApi(params, request, new RuntimeOptions({ autoretry: false }))).body);
    } catch (e) {
      // An error answer (the SDK keeps it parsed; written back as text): the client parses those too.
      const data = (e as { data?: unknown }).data;
      if (data === undefined) throw e;
      return JSON.stringify(data);
    }
  };
}
