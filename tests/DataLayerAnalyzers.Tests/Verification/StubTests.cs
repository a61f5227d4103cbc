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
            var names = TestReferences.Get(ReferenceSet.All).Select(TestReferences.NameOf).ToList();
            Assert.Contains("AWSSDK.RDS.dll", names);
            Assert.Contains("AWSSDK.SecretsManager.dll", names);
            Assert.Contains("Amazon.Lambda.Core.dll", names);
        }

        [Fact]
        public void RealPackages_ReplaceTheFormerStubs()
        {
            var all = TestReferences.Get(ReferenceSet.All);
            foreach (var name in new[] { "MySqlConnector.dll", "StackExchange.Redis.dll", "Microsoft.EntityFrameworkCore.SqlServer.dll", "System.Data.SqlClient.dll", "AWSSDK.Extensions.NETCore.Setup.dll" })
            {
                var reference = Assert.Single(all, r => TestReferences.NameOf(r) == name);
                Assert.True(System.IO.File.Exists(reference.Display), name + " is not a restored package assembly: " + reference.Display);
            }
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
        public void SqlClientSets_HoldTheTwoVersions()
        {
            static (string Version, string EncryptType) Probe(ReferenceSet set)
            {
                var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Probe", references: TestReferences.Get(set));
                var type = compilation.GetTypeByMetadataName("Microsoft.Data.SqlClient.SqlConnectionStringBuilder")!;
                var encrypt = type.GetMembers("Encrypt").OfType<IPropertySymbol>().Single().Type.ToDisplayString();
                return (type.ContainingAssembly.Identity.Version.ToString(2), encrypt);
            }

            Assert.Equal(("2.0", "bool"), Probe(ReferenceSet.AllWithSqlClient2));
            var current = Probe(ReferenceSet.All);
            Assert.Equal("Microsoft.Data.SqlClient.SqlConnectionEncryptOption", current.EncryptType);
            Assert.Single(TestReferences.Get(ReferenceSet.AllWithSqlClient2), r => TestReferences.NameOf(r) == "Microsoft.Data.SqlClient.dll");
        }

        [Fact]
        public void PomeloSet_HasEfCore9()
        {
            var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Probe", references: TestReferences.Get(ReferenceSet.EfCore9Pomelo));
            var useMySql = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.MySqlDbContextOptionsBuilderExtensions");
            var efCore = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.DbContextOptionsBuilder");
            Assert.NotNull(useMySql);
            Assert.Equal(9, efCore!.ContainingAssembly.Identity.Version.Major);
        }

        [Fact]
        public void OracleMySqlEfSet_HasTheRealProviderAndItsMySqlData()
        {
            var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Probe", references: TestReferences.Get(ReferenceSet.AllWithOracleMySqlEf));
            var useMySql = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.MySQLDbContextOptionsExtensions");
            Assert.NotNull(useMySql);
            Assert.Single(TestReferences.Get(ReferenceSet.AllWithOracleMySqlEf), r => TestReferences.NameOf(r) == "MySql.Data.dll");
            Assert.DoesNotContain(TestReferences.Get(ReferenceSet.All), r => TestReferences.NameOf(r) == "MySql.EntityFrameworkCore.dll");
        }

        [Fact]
        public void NpgsqlDependencyInjectionSet_HasTheRealExtensionsAndOneNpgsql()
        {
            var references = TestReferences.Get(ReferenceSet.AllWithNpgsqlDependencyInjection);
            var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Probe", references: references);

            // Npgsql.EntityFrameworkCore.PostgreSQL has a class of the same full name (AddEntityFrameworkNpgsql): ask the assembly.
            var assembly = compilation.SourceModule.ReferencedAssemblySymbols.Single(a => a.Name == "Npgsql.DependencyInjection");
            var extensions = assembly.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.NpgsqlServiceCollectionExtensions");
            Assert.NotNull(extensions);
            Assert.Contains(extensions!.GetMembers(), m => m.Name == "AddNpgsqlDataSource");
            Assert.Contains(extensions.GetMembers(), m => m.Name == "AddMultiHostNpgsqlDataSource");
            Assert.Single(references, r => TestReferences.NameOf(r) == "Npgsql.dll");
            Assert.DoesNotContain(TestReferences.Get(ReferenceSet.All), r => TestReferences.NameOf(r) == "Npgsql.DependencyInjection.dll");
        }

        [Fact]
        public void FrameworkOnly_HasNoDataLibrary()
        {
            var names = TestReferences.Get(ReferenceSet.FrameworkOnly).Select(TestReferences.NameOf).ToList();
            Assert.DoesNotContain(names, n => n.StartsWith("Npgsql") || n.StartsWith("AWSSDK") || n.StartsWith("MySql") || n.StartsWith("StackExchange"));
            Assert.Contains(names, n => n == "System.Runtime.dll");
        }
    }
}
