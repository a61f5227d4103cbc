using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DataLayerAnalyzers.Infrastructure
{
    /// <summary>
    /// The rules about production behaviour (a full scan, one result page, unprocessed batch items, plain-HTTP endpoints,
    /// client and connection lifetime) stay silent in test code, where a one-item table, a mock endpoint or a client per
    /// test is the point of the test. Test code is a project whose build sets <c>IsTestProject</c> (made visible to
    /// analyzers by the package's props), or a member of a method or class carrying a test framework's attribute (xunit,
    /// NUnit, MSTest; recognised by name when the framework's assembly does not resolve).
    /// <c>dotnet_code_quality.datalayer.analyze_test_code = true</c> (or the rule's own key) turns the rules back on.
    /// Credential and TLS rules never ask: a real password in a test file leaks like any other.
    /// </summary>
    internal static class TestCode
    {
        public const string AnalyzeTestCodeOption = "analyze_test_code";
        public const string IsTestProjectProperty = "build_property.IsTestProject";

        private const int MaxTypeDepth = 16;

        /// <summary>Reports <paramref name="diagnostic"/> unless it lies in test code and the option leaves tests unanalyzed.</summary>
        public static void ReportOutsideTestCode(this OperationContext context, Diagnostic diagnostic)
        {
            if (!IsSilenced(context.Options, context.ContainingSymbol, diagnostic))
            {
                context.ReportDiagnostic(diagnostic);
            }
        }

        /// <summary>Only called when a rule is about to report, so the attribute walk costs nothing on clean code.</summary>
        private static bool IsSilenced(AnalyzerOptions options, ISymbol? containingSymbol, Diagnostic diagnostic)
        {
            var tree = diagnostic.Location.SourceTree;
            if (!IsTestProject(options) && !IsInTestMember(containingSymbol))
            {
                return false;
            }

            return !options.GetRuleBool(tree, diagnostic.Id, AnalyzeTestCodeOption, defaultValue: false);
        }

        private static bool IsTestProject(AnalyzerOptions options)
        {
            return options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(IsTestProjectProperty, out var value)
                && string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>The member itself, then each containing type, outward.</summary>
        private static bool IsInTestMember(ISymbol? symbol)
        {
            if (symbol is null)
            {
                return false;
            }

            if (symbol is IMethodSymbol { AssociatedSymbol: { } property } && HasTestAttribute(property))
            {
                return true;
            }

            if (HasTestAttribute(symbol))
            {
                return true;
            }

            var depth = 0;
            for (var type = symbol.ContainingType; type != null && depth < MaxTypeDepth; type = type.ContainingType, depth++)
            {
                if (HasTestAttribute(type))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HasTestAttribute(ISymbol symbol)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                if (IsTestAttribute(attribute.AttributeClass))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A resolved attribute counts when it (or a base attribute, such as xunit's <c>FactAttribute</c> under a custom
        /// <c>SkippableFact</c>) is a known test attribute in the framework's namespace; an attribute whose assembly does not
        /// resolve counts by its name alone.
        /// </summary>
        private static bool IsTestAttribute(INamedTypeSymbol? attribute)
        {
            if (attribute is null)
            {
                return false;
            }

            if (attribute.TypeKind == TypeKind.Error)
            {
                return IsTestAttributeName(attribute.Name, namespaceName: null);
            }

            var depth = 0;
            for (var current = attribute; current != null && depth < MaxTypeDepth; current = current.BaseType, depth++)
            {
                if (IsTestAttributeName(current.Name, current.ContainingNamespace?.ToDisplayString()))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsTestAttributeName(string name, string? namespaceName)
        {
            if (name.EndsWith("Attribute", StringComparison.Ordinal))
            {
                name = name.Substring(0, name.Length - "Attribute".Length);
            }

            switch (name)
            {
                case "Fact":
                case "Theory":
                    return namespaceName is null or "Xunit" or "Xunit.v3";
                case "Test":
                case "TestCase":
                case "TestCaseSource":
                case "TestFixture":
                    return namespaceName is null or "NUnit.Framework";
                case "TestMethod":
                case "DataTestMethod":
                case "TestClass":
                    return namespaceName is null or "Microsoft.VisualStudio.TestTools.UnitTesting";
                default:
                    return false;
            }
        }
    }
}
