using System.Linq;
using DataLayerAnalyzers.Tests.Verification;
using Xunit;

namespace DataLayerAnalyzers.Tests.Pooling
{
    public class LifetimeStubTests
    {
        [Fact]
        public void LifetimeStubs_CompileIntoAssembliesOfTheRealNames()
        {
            var names = TestReferences.Get(ReferenceSet.All).Select(TestReferences.NameOf).ToList();
            Assert.Contains("Amazon.Lambda.Core.dll", names);
            Assert.Contains("AWSSDK.Extensions.NETCore.Setup.dll", names);
            Assert.Contains("AWSSDK.SecretsManager.dll", names);
        }
    }
}
