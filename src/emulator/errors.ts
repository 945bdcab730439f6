// Errors the emulator answers with, shaped like the Alibaba Cloud POP gateway's JSON error body
// {RequestId, HostId, Code, Message, Recommend}. Codes and statuses used (gateway ones as the public
// gateway answers them in published error reports; DataWorks-specific ones are our choice):
//   400 IncompleteSignature         no/malformed Authorization, unsigned x-acs-*/host/content-type header
//   404 InvalidAccessKeyId.NotFound unknown AccessKey id
//   400 SignatureDoesNotMatch       wrong secret, tampered body/query/signed header, x-acs-content-sha256 != body
//   400 InvalidTimeStamp.Expired    x-acs-date more than 15 minutes off (InvalidTimeStamp.Format if unreadable)
//   400 SignatureNonceUsed          nonce seen before (remembered 30 minutes)
//   400 InvalidVersion / 404 InvalidAction.NotFound / 400 MissingParameter / 400 InvalidParameter
//   404 Task.NotFound               GetTask of an id missing in that environment
//   429 Throttling.User (qps; with x-acs-retry-after) / Throttling.Api (injected) / Throttling.Resource (daily quota)
//   500 InternalError.System        injected, or an emulator bug
export class ApiError extends Error {
  /** Extra response headers (e.g. x-acs-retry-after on a rate-limit throttle). */
  constructor(readonly status: number, readonly code: string, message: string, readonly headers: Record<string, string> = {}) {
    super(message);
  }
}

export const missingParameter = (name: string): ApiError =>
  new ApiError(400, 'MissingParameter', `The input parameter "${name}" that is mandatory for processing this request is not supplied.`);

export const invalidParameter = (name: string, why: string): ApiError =>
  new ApiError(400, 'InvalidParameter', `The specified parameter "${name}" is not valid: ${why}`);

export interface ErrorBody {
  RequestId: string;
  HostId: string;
  Code: string;
  Message: string;
  Recommend: string;
}

export function errorBody(err: ApiError, requestId: string, hostId: string): ErrorBody {
  return {
    RequestId: requestId,
    HostId: hostId,
    Code: err.code,
    Message: err.message,
    Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(err.code)}&product=dataworks-public&requestId=${requestId}`,
  };
}
