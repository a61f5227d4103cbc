// assembly: Amazon.Lambda.Core
// API-surface stub of Amazon.Lambda.Core (not restorable here). Public signatures only.
#nullable enable
using System;

namespace Amazon.Lambda.Core
{
    public interface ILambdaContext
    {
        string AwsRequestId { get; }
        string FunctionName { get; }
        TimeSpan RemainingTime { get; }
    }
}
