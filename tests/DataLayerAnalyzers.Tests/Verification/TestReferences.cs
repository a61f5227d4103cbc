using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DataLayerAnalyzers.Tests.Verification
{
    /// <summary>Which assemblies a test compilation sees.</summary>
    public enum ReferenceSet
    {
        /// <summary>
        /// The .NET and ASP.NET Core framework, the real data-access packages (the current Microsoft.Data.SqlClient) and
        /// the API-surface stubs. A test on this set whose source names Microsoft.Data.SqlClient also runs on
        /// <see cref="AllWithSqlClient2"/>.
        /// </summary>
        All,

        /// <summary>The .NET framework only: no data-access library is referenced.</summary>
        FrameworkOnly,

        /// <summary>
        /// Like <see cref="All"/>, but AWSSDK.RDS has the SDK v3 shapes: the same stub with non-nullable <c>bool</c>/<c>int</c>
        /// properties (v3 generated them as <c>bool</c> with <c>GetValueOrDefault()</c>; v4 as <c>bool?</c>).
        /// </summary>
        AllWithRdsV3,

        /// <summary>Like <see cref="All"/>, but with Microsoft.Data.SqlClient 2.1.4 (Encrypt a bool, default false).</summary>
        AllWithSqlClient2,

        /// <summary>Like <see cref="All"/>, but only the current Microsoft.Data.SqlClient: no second run on 2.1.4.</summary>
        AllWithCurrentSqlClient,

        /// <summary>
        /// The .NET framework and Pomelo.EntityFrameworkCore.MySql 9 with the EF Core 9 and MySqlConnector it takes:
        /// Pomelo has no EF Core 10 release, and one compilation cannot hold two EF Core versions.
        /// </summary>
        EfCore9Pomelo,

        /// <summary>Like <see cref="All"/>, plus Oracle's MySql.EntityFrameworkCore 10 (UseMySQL) with the newer MySql.Data it takes.</summary>
        AllWithOracleMySqlEf,

        /// <summary>
        /// Like <see cref="All"/>, plus Npgsql.DependencyInjection 10.0.3 (<c>AddNpgsqlDataSource</c>) with the Npgsql 10.0.3 it
        /// takes in place of 10.0.0.
        /// </summary>
        AllWithNpgsqlDependencyInjection,

        /// <summary>Like <see cref="All"/>, plus AWS CDK v2: Amazon.CDK.Lib 2.160.0 with Constructs and Amazon.JSII.Runtime.</summary>
        Cdk,
    }

    /// <summary>
    /// Metadata references, built once per test run and shared: references are the expensive part of a compilation.
    /// The framework and the packages the test project references are the assemblies this test process runs on; the
    /// reference sets under tests/ReferenceSets are copied to refsets/&lt;Name&gt;/ by the build; the stubs are compiled here.
    /// To add a set: add the enum member and one line to <see cref="Sets"/> (and, for packages that cannot sit beside the
    /// test project's own, a project under tests/ReferenceSets listed as ReferenceSetProject in the test project).
    /// </summary>
    public static class TestReferences
    {
        private static readonly string[] ExcludedPrefixes =
        {
            "Microsoft.CodeAnalysis", "xunit", "DataLayerAnalyzers", "testhost", "Microsoft.TestPlatform",
            "Microsoft.VisualStudio", "Microsoft.Build", "Humanizer", "System.Composition", "Microsoft.DiaSymReader",
            "NuGet", "DiffPlex",
        };

        private static readonly string[] DataLibraryPrefixes =
        {
            "AWSSDK", "Npgsql", "Microsoft.Data.SqlClient", "MySql", "Dapper", "Microsoft.EntityFrameworkCore",
            "Microsoft.Extensions", "Microsoft.AspNetCore", "System.Data.SqlClient", "StackExchange", "Amazon",
            "Pipelines.Sockets.Unofficial", "System.IO.Hashing", "Microsoft.Identity", "Microsoft.IdentityModel",
            "Azure", "Microsoft.SqlServer", "Pomelo",
        };

        /// <summary>AWS CDK assemblies: only in <see cref="ReferenceSet.Cdk"/> (Amazon.CDK.Lib is 53 MB).</summary>
        private static readonly string[] CdkPrefixes = { "Amazon.CDK", "Amazon.JSII", "Constructs" };

        private static readonly Lazy<ImmutableArray<MetadataReference>> Framework = new(() => LoadPlatform(includeDataLibraries: false));
        private static readonly Lazy<ImmutableArray<MetadataReference>> PlatformAndPackages = new(() => LoadPlatform(includeDataLibraries: true));
        private static readonly Lazy<ImmutableArray<MetadataReference>> Stubs = new(() => CompileStubs(null));

        /// <summary>Every reference set, each built on first use.</summary>
        private static readonly Dictionary<ReferenceSet, Lazy<ImmutableArray<MetadataReference>>> Sets = new()
        {
            [ReferenceSet.All] = new(() => PlatformAndPackages.Value.AddRange(Stubs.Value)),
            [ReferenceSet.AllWithCurrentSqlClient] = new(() => Get(ReferenceSet.All)),
            [ReferenceSet.FrameworkOnly] = new(() => Framework.Value),
            [ReferenceSet.AllWithRdsV3] = new(() => PlatformAndPackages.Value.AddRange(CompileStubs(ToSdkV3Shapes))),
            [ReferenceSet.AllWithSqlClient2] = new(() => Replace(Get(ReferenceSet.All), FromFolder("SqlClient2"), "Microsoft.Data.SqlClient")),
            [ReferenceSet.AllWithOracleMySqlEf] = new(() => Replace(Get(ReferenceSet.All), FromFolder("OracleMySqlEf"), "MySql.Data", "MySql.EntityFrameworkCore")),
            [ReferenceSet.AllWithNpgsqlDependencyInjection] = new(() => Replace(Get(ReferenceSet.All), FromFolder("NpgsqlDependencyInjection"), "Npgsql", "Npgsql.DependencyInjection")),
            [ReferenceSet.Cdk] = new(() => Get(ReferenceSet.All).AddRange(LoadPlatform(includeDataLibraries: true, cdkOnly: true))),
            [ReferenceSet.EfCore9Pomelo] = new(() => Framework.Value.AddRange(FromFolder("EfCore9"))),
        };

        public static ImmutableArray<MetadataReference> Get(ReferenceSet set) => Sets[set].Value;

        /// <summary>The sets a test on <paramref name="set"/> runs on: SqlClient code on <see cref="ReferenceSet.All"/> runs on both versions.</summary>
        public static IEnumerable<ReferenceSet> RunsOf(ReferenceSet set, IEnumerable<string> sources)
        {
            yield return set;
            if (set == ReferenceSet.All && sources.Any(s => s.Contains("Microsoft.Data.SqlClient", StringComparison.Ordinal)))
            {
                yield return ReferenceSet.AllWithSqlClient2;
            }
        }

        /// <summary>The file name of a reference (stubs and in-memory images have no path).</summary>
        public static string NameOf(MetadataReference reference) => Path.GetFileName(reference.Display ?? string.Empty);

        /// <summary>The AWSSDK.RDS stub as SDK v3 generated it: <c>bool?</c>/<c>int?</c> members become <c>bool</c>/<c>int</c>.</summary>
        private static string ToSdkV3Shapes(string assemblyName, string text)
        {
            return assemblyName == "AWSSDK.RDS" ? Regex.Replace(text, @"\b(bool|int)\?", "$1") : text;
        }

        /// <summary><paramref name="set"/> with <paramref name="assemblyNames"/> taken from <paramref name="replacement"/>, plus the assemblies only the replacement has.</summary>
        private static ImmutableArray<MetadataReference> Replace(ImmutableArray<MetadataReference> set, ImmutableArray<MetadataReference> replacement, params string[] assemblyNames)
        {
            var files = assemblyNames.Select(n => n + ".dll").ToHashSet(StringComparer.OrdinalIgnoreCase);
            var present = set.Select(NameOf).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var taken = replacement.Where(r => files.Contains(NameOf(r)) || !present.Contains(NameOf(r))).ToList();
            var missing = files.Where(f => !taken.Any(r => string.Equals(NameOf(r), f, StringComparison.OrdinalIgnoreCase))).ToList();
            if (missing.Count > 0)
            {
                throw new InvalidOperationException("The replacement set lacks " + string.Join(", ", missing));
            }

            return set.Where(r => !files.Contains(NameOf(r))).Concat(taken).ToImmutableArray();
        }

        /// <summary>The package assemblies of a reference-set project, copied by the build to refsets/&lt;name&gt;/.</summary>
        private static ImmutableArray<MetadataReference> FromFolder(string name)
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "refsets", name);
            var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.dll") : Array.Empty<string>();
            if (files.Length == 0)
            {
                throw new InvalidOperationException($"Reference set '{name}' is missing: build the test project (it copies tests/ReferenceSets/{name} to {folder}).");
            }

            return files.OrderBy(f => f, StringComparer.Ordinal).Select(f => (MetadataReference)MetadataReference.CreateFromFile(f)).ToImmutableArray();
        }

        private static ImmutableArray<MetadataReference> LoadPlatform(bool includeDataLibraries, bool cdkOnly = false)
        {
            var tpa = (string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty;
            var result = ImmutableArray.CreateBuilder<MetadataReference>();
            foreach (var path in tpa.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).OrderBy(p => p, StringComparer.Ordinal))
            {
                var name = Path.GetFileNameWithoutExtension(path);
                if (ExcludedPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                if (CdkPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase)) != cdkOnly)
                {
                    continue;
                }

                if (!includeDataLibraries && DataLibraryPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                result.Add(MetadataReference.CreateFromFile(path));
            }

            return result.ToImmutable();
        }

        /// <summary>
        /// Compiles each file under Stubs/ into an assembly of the real library's name. The first lines say
        /// <c>// assembly: Name</c> and optionally <c>// references: A, B</c> (other stubs).
        /// </summary>
        private static ImmutableArray<MetadataReference> CompileStubs(Func<string, string, string>? transform)
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "Stubs");
            var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories) : Array.Empty<string>();
            var pending = files.OrderBy(f => f, StringComparer.Ordinal).Select(f => (Text: File.ReadAllText(f), Path: f))
                .Select(f => (f.Text, f.Path, Name: Header(f.Text, "assembly") ?? Path.GetFileNameWithoutExtension(f.Path),
                    Deps: (Header(f.Text, "references") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
                .ToList();
            var built = new Dictionary<string, MetadataReference>(StringComparer.Ordinal);
            while (pending.Count > 0)
            {
                var ready = pending.Where(p => p.Deps.All(built.ContainsKey)).ToList();
                if (ready.Count == 0)
                {
                    throw new InvalidOperationException("Stub references cannot be satisfied: " + string.Join(", ", pending.Select(p => p.Name)));
                }

                foreach (var stub in ready)
                {
                    var references = PlatformAndPackages.Value.AddRange(stub.Deps.Select(d => built[d]));
                    var text = transform is null ? stub.Text : transform(stub.Name, stub.Text);
                    var compilation = CSharpCompilation.Create(
                        stub.Name,
                        new[] { CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest), stub.Path) },
                        references,
                        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
                    using var stream = new MemoryStream();
                    var emit = compilation.Emit(stream);
                    if (!emit.Success)
                    {
                        throw new InvalidOperationException($"Stub {stub.Name} does not compile:\n" + string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
                    }

                    built[stub.Name] = MetadataReference.CreateFromImage(stream.ToArray(), filePath: stub.Name + ".dll");
                    pending.Remove(stub);
                }
            }

            return built.Values.ToImmutableArray();
        }

        private static string? Header(string text, string key)
        {
            var match = Regex.Match(text, @"^//\s*" + key + @":\s*(.+)$", RegexOptions.Multiline);
            return match.Success ? match.Groups[1].Value.Trim() : null;
        }
    }
}
