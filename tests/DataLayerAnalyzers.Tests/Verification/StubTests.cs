using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace DataLayerAnalyzers.Tests.Verification
{
    public class StubTests
    {
        [Fact]
        public void Stubs_CompileIntoAssembliesOfTheRealNames()
        {
            var names = TestReferences.Get(ReferenceSet.All).Select(r => r.Display).ToList();
            Assert.Contains("MySqlConnector.dll", names);
            Assert.Contains("StackExchange.Redis.dll", names);
            Assert.Contains("Microsoft.EntityFrameworkCore.SqlServer.dll", names);
            Assert.Contains("AWSSDK.RDS.dll", names);
        }

        [Fact]
        public void RdsStub_HasSdkV4NullableShapes_AndV3Shapes()
        {
            static string TypeOf(ReferenceSet set)
            {
                var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Probe", references: TestReferences.Get(set));
                var type = compilation.GetTypeByMetadataName("Amazon.RDS.Model.CreateDBInstanceRequest");
                return type!.GetMembers("StorageEncrypted").OfType<IPropertySymbol>().Single().Type.ToDisplayString();
            }

            Assert.Equal("bool?", TypeOf(ReferenceSet.All));
            Assert.Equal("bool", TypeOf(ReferenceSet.AllWithRdsV3));
        }

        [Fact]
        public void FrameworkOnly_HasNoDataLibrary()
        {
            var names = TestReferences.Get(ReferenceSet.FrameworkOnly).Select(r => System.IO.Path.GetFileName(r.Display ?? string.Empty)).ToList();
            Assert.DoesNotContain(names, n => n.StartsWith("Npgsql") || n.StartsWith("AWSSDK") || n.StartsWith("MySql"));
            Assert.Contains(names, n => n == "System.Runtime.dll");
        }
    }
}
