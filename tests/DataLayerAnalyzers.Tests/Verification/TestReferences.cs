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
        /// <summary>The .NET and ASP.NET Core framework, the real data-access packages and the API-surface stubs.</summary>
        All,

        /// <summary>The .NET framework only: no data-access library is referenced.</summary>
        FrameworkOnly,

        /// <summary>
        /// Like <see cref="All"/>, but AWSSDK.RDS has the SDK v3 shapes: the same stub with non-nullable <c>bool</c>/<c>int</c>
        /// properties (v3 generated them as <c>bool</c> with <c>GetValueOrDefault()</c>; v4 as <c>bool?</c>).
        /// </summary>
        AllWithRdsV3,

        /// <summary>Like <see cref="All"/>, plus AWS CDK v2: Amazon.CDK.Lib 2.160.0 with Constructs and Amazon.JSII.Runtime.</summary>
        Cdk,
    }

    /// <summary>
    /// Metadata references, built once per test run and shared: references are the expensive part of a compilation.
    /// </summary>
    public static class TestReferences
    {
        private static readonly string[] ExcludedPrefixes =
        {
            "Microsoft.CodeAnalysis", "xunit", "DataLayerAnalyzers", "testhost", "Microsoft.TestPlatform",
            "Microsoft.VisualStudio", "Microsoft.Build", "Humanizer", "System.Composition", "Microsoft.DiaSymReader",
        };

        private static readonly string[] DataLibraryPrefixes =
        {
            "AWSSDK", "Npgsql", "Microsoft.Data.SqlClient", "MySql", "Dapper", "Microsoft.EntityFrameworkCore",
            "Microsoft.Extensions", "Microsoft.AspNetCore", "System.Data.SqlClient", "StackExchange", "Amazon",
        };

        /// <summary>AWS CDK assemblies: only in <see cref="ReferenceSet.Cdk"/> (Amazon.CDK.Lib is 53 MB).</summary>
        private static readonly string[] CdkPrefixes = { "Amazon.CDK", "Amazon.JSII", "Constructs" };

        private static readonly Lazy<ImmutableArray<MetadataReference>> Framework = new(() => LoadPlatform(includeDataLibraries: false));
        private static readonly Lazy<ImmutableArray<MetadataReference>> PlatformAndPackages = new(() => LoadPlatform(includeDataLibraries: true));
        private static readonly Lazy<ImmutableArray<MetadataReference>> Stubs = new(() => CompileStubs());
        private static readonly Lazy<ImmutableArray<MetadataReference>> Everything = new(() => PlatformAndPackages.Value.AddRange(Stubs.Value));
        private static readonly Lazy<ImmutableArray<MetadataReference>> EverythingWithRdsV3 = new(() => PlatformAndPackages.Value.AddRange(CompileStubs(ToSdkV3Shapes)));
        private static readonly Lazy<ImmutableArray<MetadataReference>> EverythingWithCdk = new(() => Everything.Value.AddRange(LoadPlatform(includeDataLibraries: true, cdkOnly: true)));

        public static ImmutableArray<MetadataReference> Get(ReferenceSet set)
        {
            return set switch
            {
                ReferenceSet.All => Everything.Value,
                ReferenceSet.AllWithRdsV3 => EverythingWithRdsV3.Value,
                ReferenceSet.Cdk => EverythingWithCdk.Value,
                _ => Framework.Value,
            };
        }

        /// <summary>The AWSSDK.RDS stub as SDK v3 generated it: <c>bool?</c>/<c>int?</c> members become <c>bool</c>/<c>int</c>.</summary>
        private static string ToSdkV3Shapes(string assemblyName, string text)
        {
            return assemblyName == "AWSSDK.RDS" ? Regex.Replace(text, @"\b(bool|int)\?", "$1") : text;
        }

        private static ImmutableArray<MetadataReference> LoadPlatform(bool includeDataLibraries, bool cdkOnly = false)
        {
            var tpa = (string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty;
            var result = ImmutableArray.CreateBuilder<MetadataReference>();
            foreach (var path in tpa.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
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
        private static ImmutableArray<MetadataReference> CompileStubs() => CompileStubs(null);

        private static ImmutableArray<MetadataReference> CompileStubs(Func<string, string, string>? transform)
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "Stubs");
            var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories) : Array.Empty<string>();
            var pending = files.Select(f => (Text: File.ReadAllText(f), Path: f))
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
