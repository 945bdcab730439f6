// Errors the emulator answers with, shaped like the Alibaba Cloud POP gateway's JSON error body.
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
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
