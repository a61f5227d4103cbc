using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using DataLayerAnalyzers.Infrastructure.ConnectionStrings;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DataLayerAnalyzers.Tests.Robustness
{
    /// <summary>Every analyzer the package ships, found by reflection so new rules are covered without a list to maintain.</summary>
    public static class AllAnalyzers
    {
        public static ImmutableArray<DiagnosticAnalyzer> Create()
        {
            return typeof(ConnectionStringAnalyzer).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t)
                    && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToImmutableArray();
        }

        /// <summary>The repository root: the folder that holds DataLayerAnalyzers.sln.</summary>
        public static string RepositoryRoot()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "DataLayerAnalyzers.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("DataLayerAnalyzers.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
