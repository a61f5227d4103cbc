using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DataLayerAnalyzers.Infrastructure;
using DataLayerAnalyzers.Infrastructure.DynamoDB;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;

namespace DataLayerAnalyzers.DynamoDB
{
    /// <summary>DLA1001 fix, object persistence model: <c>ScanAsync&lt;T&gt;(conditions)</c> becomes <c>QueryAsync&lt;T&gt;</c> or <c>LoadAsync&lt;T&gt;</c>.</summary>
    internal static class ContextScanToQuery
    {
        private static readonly HashSet<string> QueryOperators = new HashSet<string> { "Equal", "LessThan", "LessThanOrEqual", "GreaterThan", "GreaterThanOrEqual", "BeginsWith", "Between" };

        /// <summary>
        /// <c>(await context.ScanAsync&lt;T&gt;([hash = h, range = r]).GetRemainingAsync()).FirstOrDefault()</c> →
        /// <c>await context.LoadAsync&lt;T&gt;(h, r)</c> (LoadAsync returns null when there is no such item, as FirstOrDefault does).
        /// </summary>
        public static SyntaxNode? RewriteToLoad(SyntaxNode root, IInvocationOperation invocation, InvocationExpressionSyntax invocationSyntax, ScanAnalysis scan)
        {
            var keys = scan.Keys!;
            if (invocation.TargetMethod.Name != "ScanAsync" || invocationSyntax.ArgumentList.Arguments.Count != 1 || scan.LegacyConditions.Length != 2
                || invocationSyntax.Expression is not MemberAccessExpressionSyntax { Name: GenericNameSyntax generic } member
                || invocationSyntax.Parent is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetRemainingAsync" } remainingAccess
                || remainingAccess.Parent is not InvocationExpressionSyntax remaining || remaining.ArgumentList.Arguments.Count > 1
                || remaining.Parent is not AwaitExpressionSyntax awaitExpression
                || awaitExpression.Parent is not ParenthesizedExpressionSyntax parenthesized
                || parenthesized.Parent is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "FirstOrDefault" or "SingleOrDefault" } firstAccess
                || firstAccess.Parent is not InvocationExpressionSyntax first || first.ArgumentList.Arguments.Count != 0)
            {
                return null;
            }

            var elements = ConditionElements(invocationSyntax.ArgumentList.Arguments[0].Expression);
            if (elements is null || elements.Count != 2)
            {
                return null;
            }

            ExpressionSyntax? hash = null, range = null;
            for (var i = 0; i < 2; i++)
            {
                var condition = scan.LegacyConditions[i];
                if (condition.Syntax != elements[i] || !condition.IsEquality || elements[i].ArgumentList is not { Arguments.Count: 3 } arguments)
                {
                    return null;
                }

                if (condition.Attribute == keys.PartitionProperty)
                {
                    hash = arguments.Arguments[2].Expression;
                }
                else if (condition.Attribute == keys.SortProperty)
                {
                    range = arguments.Arguments[2].Expression;
                }
            }

            if (hash is null || range is null)
            {
                return null;
            }

            var loadArguments = new List<ArgumentSyntax> { SyntaxFactory.Argument(hash.WithoutTrivia()), SyntaxFactory.Argument(range.WithoutTrivia()) };
            loadArguments.AddRange(remaining.ArgumentList.Arguments.Select(a => a.WithoutTrivia()));
            var load = SyntaxFactory.InvocationExpression(
                member.WithName(generic.WithIdentifier(SyntaxFactory.Identifier("LoadAsync"))),
                SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(loadArguments)));
            var replacement = SyntaxFactory.ParenthesizedExpression(SyntaxFactory.AwaitExpression(load))
                .WithTriviaFrom(first)
                .WithAdditionalAnnotations(Simplifier.Annotation, Formatter.Annotation);
            return root.ReplaceNode(first, replacement);
        }

        public static SyntaxNode? Rewrite(SyntaxNode root, IInvocationOperation invocation, InvocationExpressionSyntax invocationSyntax, ScanAnalysis scan, CancellationToken cancellationToken)
        {
            var partitionProperty = scan.QueryPartitionKey;
            var sortProperty = scan.QuerySortKey;
            if (invocation.TargetMethod.Name != "ScanAsync" || invocation.Arguments.Length != 1 || invocationSyntax.ArgumentList.Arguments.Count != 1)
            {
                return null; // a config argument: not rewritten
            }

            // The conditions inline, or in a local declared by the statement just before and used only by this call.
            var local = ConditionsLocal(invocation, invocationSyntax, cancellationToken);
            if (local is null && invocationSyntax.ArgumentList.Arguments[0].Expression is IdentifierNameSyntax)
            {
                return null;
            }

            var elements = ConditionElements(local?.Declarator.Initializer!.Value ?? invocationSyntax.ArgumentList.Arguments[0].Expression);
            if (elements is null || elements.Count != scan.LegacyConditions.Length)
            {
                return null;
            }

            ExpressionSyntax? hashValue = null;
            string? sortOperator = null;
            List<ExpressionSyntax>? sortValues = null;
            var rest = new List<ExpressionSyntax>();
            for (var i = 0; i < elements.Count; i++)
            {
                var condition = scan.LegacyConditions[i];
                var element = elements[i];
                if (condition.Syntax != element || element.ArgumentList is null || condition.Operator is null)
                {
                    return null;
                }

                var values = element.ArgumentList.Arguments.Skip(2).Select(a => a.Expression).ToList();
                if (condition.Attribute == partitionProperty)
                {
                    if (hashValue != null || !condition.IsEquality || values.Count != 1)
                    {
                        return null;
                    }

                    hashValue = values[0];
                }
                else if (sortProperty != null && condition.Attribute == sortProperty)
                {
                    if (sortOperator != null || !QueryOperators.Contains(condition.Operator) || values.Count == 0)
                    {
                        return null;
                    }

                    sortOperator = condition.Operator;
                    sortValues = values;
                }
                else
                {
                    rest.Add(element);
                }
            }

            if (hashValue is null)
            {
                return null;
            }

            var arguments = new List<ArgumentSyntax> { SyntaxFactory.Argument(hashValue.WithoutTrivia()) };
            if (sortOperator != null)
            {
                arguments.Add(SyntaxFactory.Argument(SyntaxFactory.ParseExpression("Amazon.DynamoDBv2.DocumentModel.QueryOperator." + sortOperator).WithAdditionalAnnotations(Simplifier.Annotation)));
                arguments.Add(SyntaxFactory.Argument(SyntaxFactory.ArrayCreationExpression(
                    (ArrayTypeSyntax)SyntaxFactory.ParseTypeName("object[]"),
                    SyntaxFactory.InitializerExpression(SyntaxKind.ArrayInitializerExpression, SyntaxFactory.SeparatedList(sortValues!.Select(v => v.WithoutTrivia()))))));
            }

            var settings = new List<ExpressionSyntax>();
            if (scan.Index is { } index)
            {
                settings.Add(ScanToQuerySupport.IndexNameAssignment(index.IndexName));
            }

            if (rest.Count > 0 && local != null)
            {
                // The local keeps the other conditions and becomes the QueryFilter (a List<ScanCondition>; an array is copied into one).
                ExpressionSyntax filter = SyntaxFactory.IdentifierName(local.Declarator.Identifier.WithoutTrivia());
                if (local.Symbol.Type is IArrayTypeSymbol)
                {
                    filter = SyntaxFactory.ObjectCreationExpression(SyntaxFactory.ParseTypeName("System.Collections.Generic.List<Amazon.DynamoDBv2.DataModel.ScanCondition>").WithAdditionalAnnotations(Simplifier.Annotation))
                        .WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(filter))));
                }

                settings.Add(SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName("QueryFilter"), filter));
            }
            else if (rest.Count > 0)
            {
                var list = SyntaxFactory.ObjectCreationExpression(SyntaxFactory.ParseTypeName("System.Collections.Generic.List<Amazon.DynamoDBv2.DataModel.ScanCondition>").WithAdditionalAnnotations(Simplifier.Annotation))
                    .WithInitializer(SyntaxFactory.InitializerExpression(SyntaxKind.CollectionInitializerExpression, SyntaxFactory.SeparatedList(rest.Select(r => r.WithoutTrivia()))));
                settings.Add(SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName("QueryFilter"), list));
            }

            if (settings.Count > 0)
            {
                var config = SyntaxFactory.ObjectCreationExpression(SyntaxFactory.ParseTypeName("Amazon.DynamoDBv2.DataModel.QueryConfig").WithAdditionalAnnotations(Simplifier.Annotation))
                    .WithInitializer(SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression, SyntaxFactory.SeparatedList(settings)));
                arguments.Add(SyntaxFactory.Argument(config));
            }

            var renamed = DynamoDBFixSupport.Rename(invocationSyntax, "QueryAsync");
            if (renamed is null)
            {
                return null;
            }

            var newCall = renamed.WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(arguments)).WithTriviaFrom(invocationSyntax.ArgumentList))
                .WithAdditionalAnnotations(Formatter.Annotation);
            if (local is null)
            {
                return root.ReplaceNode(invocationSyntax, newCall);
            }

            var tracked = root.TrackNodes(invocationSyntax, local.Statement, local.Declarator.Initializer!.Value);
            tracked = tracked.ReplaceNode(tracked.GetCurrentNode(invocationSyntax)!, newCall);
            if (rest.Count == 0)
            {
                return tracked.RemoveNode(tracked.GetCurrentNode(local.Statement)!, SyntaxRemoveOptions.KeepNoTrivia);
            }

            // The key conditions leave the local's initializer; the others stay in their order.
            var initializerValue = tracked.GetCurrentNode(local.Declarator.Initializer!.Value)!;
            var initializer = initializerValue as InitializerExpressionSyntax ?? initializerValue.ChildNodes().OfType<InitializerExpressionSyntax>().FirstOrDefault();
            if (initializer is null)
            {
                return null;
            }

            var kept = initializer.WithExpressions(SyntaxFactory.SeparatedList(rest.Select(r => (ExpressionSyntax)r.WithoutTrivia())))
                .WithAdditionalAnnotations(Formatter.Annotation);
            return tracked.ReplaceNode(initializer, kept);
        }

        /// <summary>
        /// The local the conditions argument names, when the statement just before the call's statement declares it alone
        /// with an initializer and the call is its only reference (no reassignment, no Add, no other read); null otherwise.
        /// </summary>
        private static ConditionsLocalDeclaration? ConditionsLocal(IInvocationOperation invocation, InvocationExpressionSyntax invocationSyntax, CancellationToken cancellationToken)
        {
            var model = invocation.SemanticModel;
            if (model is null || invocationSyntax.ArgumentList.Arguments[0].Expression is not IdentifierNameSyntax argument
                || ValueResolver.Unwrap(invocation.Arguments[0].Value) is not ILocalReferenceOperation reference
                || reference.Local.DeclaringSyntaxReferences.Length != 1
                || reference.Local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer: not null } declarator
                || declarator.Parent is not VariableDeclarationSyntax { Variables.Count: 1 } declaration
                || declaration.Parent is not LocalDeclarationStatementSyntax statement
                || statement.IsConst || statement.UsingKeyword != default(SyntaxToken)
                || statement.Parent is not BlockSyntax block)
            {
                return null;
            }

            var callStatement = invocationSyntax.FirstAncestorOrSelf<StatementSyntax>();
            var index = block.Statements.IndexOf(statement);
            if (callStatement is null || index < 0 || index + 1 >= block.Statements.Count || block.Statements[index + 1] != callStatement
                || !DynamoDBFixSupport.IsReferencedOnlyAt(reference.Local, argument, model, cancellationToken))
            {
                return null;
            }

            return new ConditionsLocalDeclaration(reference.Local, declarator, statement);
        }

        private sealed class ConditionsLocalDeclaration
        {
            public ConditionsLocalDeclaration(ILocalSymbol symbol, VariableDeclaratorSyntax declarator, LocalDeclarationStatementSyntax statement)
            {
                Symbol = symbol;
                Declarator = declarator;
                Statement = statement;
            }

            public ILocalSymbol Symbol { get; }

            public VariableDeclaratorSyntax Declarator { get; }

            public LocalDeclarationStatementSyntax Statement { get; }
        }

        /// <summary>The <c>new ScanCondition(...)</c> elements of an inline array or list initializer.</summary>
        private static List<ObjectCreationExpressionSyntax>? ConditionElements(ExpressionSyntax argument)
        {
            InitializerExpressionSyntax? initializer = argument switch
            {
                ArrayCreationExpressionSyntax array => array.Initializer,
                ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.Initializer,
                ObjectCreationExpressionSyntax list => list.Initializer,
                InitializerExpressionSyntax { RawKind: (int)SyntaxKind.ArrayInitializerExpression } bare => bare, // ScanCondition[] local = { ... };
                _ => null,
            };
            if (initializer is null)
            {
                return null;
            }

            var result = new List<ObjectCreationExpressionSyntax>();
            foreach (var expression in initializer.Expressions)
            {
                if (expression is not ObjectCreationExpressionSyntax element)
                {
                    return null;
                }

                result.Add(element);
            }

            return result;
        }
    }
}
