using Amazon.CDK;
using CdkStack;

// `cdk synth` would run this; `dotnet build` is enough to see the DLA findings (no AWS account, no cdk CLI, no node).
var app = new App();
new TenantDataStack(app, "TenantData");
app.Synth();
