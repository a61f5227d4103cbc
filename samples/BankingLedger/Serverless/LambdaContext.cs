namespace Amazon.Lambda.Core
{
    /// <summary>
    /// Stand-in for the <c>ILambdaContext</c> interface of the Amazon.Lambda.Core package, so this ASP.NET Core sample can
    /// carry a Lambda handler without referencing the Lambda packages. A real function project gets the interface from
    /// Amazon.Lambda.Core, and the analyzers recognize it by the same full name.
    /// </summary>
    public interface ILambdaContext
    {
        string AwsRequestId { get; }

        string FunctionName { get; }

        TimeSpan RemainingTime { get; }
    }
}
