using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DataLayerAnalyzers.Infrastructure;
using DataLayerAnalyzers.Infrastructure.DynamoDB;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;

namespace DataLayerAnalyzers.DynamoDB
{
    /// <summary>
    /// DLA1001 fix: rewrites the Scan as a Query. Low level: <c>ScanRequest</c> with a <c>FilterExpression</c> becomes a
    /// <c>QueryRequest</c> whose <c>KeyConditionExpression</c> holds the key conditions, the rest stays the filter,
    /// names/values are kept, Segment/TotalSegments are dropped; an inline legacy ScanFilter dictionary is split into
    /// KeyConditions and QueryFilter (also for the tableName + scanFilter overloads, which become a QueryRequest). Object persistence: <c>ScanAsync&lt;T&gt;(conditions)</c> becomes
    /// <c>QueryAsync&lt;T&gt;(hashKey[, QueryOperator, sortValues][, QueryConfig { QueryFilter }])</c>; with the full primary
    /// key fixed and the result read with FirstOrDefault, a second action loads the item with <c>LoadAsync&lt;T&gt;</c>.
    /// Document model: a local ScanFilter becomes a QueryFilter and <c>table.Query(new Primitive(hashKey), filter)</c>.
    /// Not offered for a filter dictionary held in a variable, document-model Expression/config scans, or when the request is built across statements or
    /// shared; the result is checked to compile before it is offered.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp), Shared]
    public sealed class UseQueryInsteadOfScanFixer : CodeFixProvider
    {
        public const string EquivalenceKey = "DLA1001.UseQuery";

        /// <summary>The second action: the full primary key is fixed, so one item is loaded by key.</summary>
        public const string LoadItemEquivalenceKey = "DLA1001.LoadItem";

        private static readonly HashSet<string> SortKeyComparators = new HashSet<string> { "=", "<", "<=", ">", ">=" };
        private static readonly HashSet<string> QueryOperators = new HashSet<string> { "Equal", "LessThan", "LessThanOrEqual", "GreaterThan", "GreaterThanOrEqual", "BeginsWith", "Between" };

        public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.UseQueryInsteadOfScan);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var document = context.Document;
            var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return;
            }

            var invocationSyntax = root.FindNode(context.Span, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>();
            if (invocationSyntax is null || model.GetOperation(invocationSyntax, context.CancellationToken) is not IInvocationOperation invocation)
            {
                return;
            }

            var symbols = DynamoDBSymbols.Create(model.Compilation);
            if (symbols is null)
            {
                return;
            }

            var scan = ScanAnalysis.Analyze(invocation, symbols, document.Project.AnalyzerOptions, context.CancellationToken);
            if (scan is null || scan.Verdict != ScanFilterVerdict.KeyEquality || scan.Keys is null)
            {
                return;
            }

            SyntaxNode? newRoot = scan.Shape switch
            {
                DynamoDBReadShape.ClientScanRequest or DynamoDBReadShape.PaginatorScan => RewriteRequest(root, model, invocationSyntax, scan, context.CancellationToken),
                DynamoDBReadShape.ContextScan => RewriteContextScan(root, invocation, invocationSyntax, scan, context.CancellationToken),
                DynamoDBReadShape.ClientScanTableName => RewriteTableNameOverload(root, invocation, invocationSyntax, scan),
                DynamoDBReadShape.TableScan => RewriteDocumentScan(root, model, invocation, invocationSyntax, scan, symbols, context.CancellationToken),
                _ => null,
            };
            if (newRoot != null)
            {
                var changed = document.WithSyntaxRoot(newRoot);
                if (await DynamoDBFixSupport.CompilesAsync(document, changed, context.CancellationToken).ConfigureAwait(false))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create("Use Query with a key condition", _ => Task.FromResult(changed), EquivalenceKey),
                        context.Diagnostics);
                }
            }

            var loadRoot = scan.Shape == DynamoDBReadShape.ContextScan && scan.SortKeyEquality ? RewriteToLoad(root, invocation, invocationSyntax, scan) : null;
            if (loadRoot != null)
            {
                var loaded = document.WithSyntaxRoot(loadRoot);
                if (await DynamoDBFixSupport.CompilesAsync(document, loaded, context.CancellationToken).ConfigureAwait(false))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create("Load the item by its primary key", _ => Task.FromResult(loaded), LoadItemEquivalenceKey),
                        context.Diagnostics);
                }
            }
        }

        /// <summary>
        /// <c>(await context.ScanAsync&lt;T&gt;([hash = h, range = r]).GetRemainingAsync()).FirstOrDefault()</c> →
        /// <c>await context.LoadAsync&lt;T&gt;(h, r)</c> (LoadAsync returns null when there is no such item, as FirstOrDefault does).
        /// </summary>
        private static SyntaxNode? RewriteToLoad(SyntaxNode root, IInvocationOperation invocation, InvocationExpressionSyntax invocationSyntax, ScanAnalysis scan)
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

        private static SyntaxNode? RewriteRequest(SyntaxNode root, SemanticModel model, InvocationExpressionSyntax invocationSyntax, ScanAnalysis scan, CancellationToken cancellationToken)
        {
            var request = scan.Request;
            if (request?.Creation?.Syntax is not BaseObjectCreationExpressionSyntax creation || creation.Initializer is null
                || (scan.Filter is null && scan.LegacyConditions.IsEmpty) || scan.Keys is null || invocationSyntax.ArgumentList.Arguments.Count == 0)
            {
                return null;
            }

            foreach (var setting in request.Properties.Values)
            {
                if (!creation.Span.Contains(setting.Syntax.Span))
                {
                    return null; // set by a later statement: not rewritten
                }
            }

            var useExpression = scan.Filter != null;
            if (!request.TryGet(useExpression ? "FilterExpression" : "ScanFilter", out var filterSetting) || filterSetting.Syntax is not AssignmentExpressionSyntax filterAssignment
                || filterAssignment.Parent != creation.Initializer || request.IsSet("ConditionalOperator") || (useExpression && request.IsSet("ScanFilter")))
            {
                return null;
            }

            // Where does the request come from: inline, or a local used only by this call?
            var argument = invocationSyntax.ArgumentList.Arguments[0].Expression;
            VariableDeclarationSyntax? declaration = null;
            if (argument != creation)
            {
                if (argument is not IdentifierNameSyntax identifier || model.GetSymbolInfo(identifier, cancellationToken).Symbol is not ILocalSymbol local
                    || creation.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax localDeclaration } }
                    || !DynamoDBFixSupport.IsReferencedOnlyAt(local, identifier, model, cancellationToken))
                {
                    return null;
                }

                declaration = localDeclaration;
            }

            ExpressionSyntax keyValue;
            ExpressionSyntax? remainderValue;
            string keyProperty, remainderProperty;
            if (useExpression)
            {
                if (scan.FilterText is null || !SplitExpression(scan, out var keyCondition, out var remainder))
                {
                    return null;
                }

                keyValue = DynamoDBFixSupport.StringLiteral(keyCondition);
                remainderValue = remainder is null ? null : DynamoDBFixSupport.StringLiteral(remainder);
                keyProperty = "KeyConditionExpression";
                remainderProperty = "FilterExpression";
            }
            else
            {
                if (!SplitConditionDictionary(filterAssignment.Right, scan, out var keyDictionary, out remainderValue))
                {
                    return null;
                }

                keyValue = keyDictionary;
                keyProperty = "KeyConditions";
                remainderProperty = "QueryFilter";
            }

            var expressions = new List<ExpressionSyntax>();
            foreach (var expression in creation.Initializer.Expressions)
            {
                if (expression == filterAssignment)
                {
                    expressions.Add(filterAssignment.WithLeft(SyntaxFactory.IdentifierName(keyProperty).WithTriviaFrom(filterAssignment.Left))
                        .WithRight(keyValue.WithTriviaFrom(filterAssignment.Right)));
                    if (remainderValue != null)
                    {
                        expressions.Add(filterAssignment.WithLeft(SyntaxFactory.IdentifierName(remainderProperty).WithTriviaFrom(filterAssignment.Left))
                            .WithRight(remainderValue.WithTriviaFrom(filterAssignment.Right)));
                    }
                }
                else if (expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "Segment" or "TotalSegments" } })
                {
                    continue;
                }
                else
                {
                    expressions.Add(expression);
                }
            }

            var originalList = creation.Initializer.Expressions;
            var separator = originalList.SeparatorCount > 0 ? originalList.GetSeparator(0) : SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space);
            var separatorCount = expressions.Count - 1 + (originalList.SeparatorCount == originalList.Count && expressions.Count > 0 ? 1 : 0);
            var separators = Enumerable.Repeat(separator, System.Math.Max(0, separatorCount));
            var newInitializer = creation.Initializer.WithExpressions(SyntaxFactory.SeparatedList(expressions, separators)).WithAdditionalAnnotations(Formatter.Annotation);
            BaseObjectCreationExpressionSyntax newCreation = creation.WithInitializer(newInitializer);
            if (newCreation is ObjectCreationExpressionSyntax explicitCreation)
            {
                var renamed = DynamoDBFixSupport.RenameType(explicitCreation.Type, "ScanRequest", "QueryRequest");
                if (renamed is null)
                {
                    return null;
                }

                newCreation = explicitCreation.WithType(renamed);
            }

            var newName = scan.Shape == DynamoDBReadShape.PaginatorScan ? "Query" : invocationSyntax.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Scan" } ? "Query" : "QueryAsync";
            var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
            if (declaration != null)
            {
                var newDeclaration = declaration.ReplaceNode(creation, newCreation);
                if (!declaration.Type.IsVar)
                {
                    var renamedType = DynamoDBFixSupport.RenameType(declaration.Type, "ScanRequest", "QueryRequest");
                    if (renamedType is null)
                    {
                        return null;
                    }

                    newDeclaration = newDeclaration.WithType(renamedType);
                }

                replacements[declaration] = newDeclaration;
                var renamedCall = DynamoDBFixSupport.Rename(invocationSyntax, newName);
                if (renamedCall is null)
                {
                    return null;
                }

                replacements[invocationSyntax] = renamedCall;
            }
            else
            {
                var renamedCall = DynamoDBFixSupport.Rename(invocationSyntax.ReplaceNode(creation, newCreation), newName);
                if (renamedCall is null)
                {
                    return null;
                }

                replacements[invocationSyntax] = renamedCall;
            }

            RenameResponseType(invocationSyntax, declaration, replacements);
            return root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]);
        }

        /// <summary>
        /// Document model: <c>var filter = new ScanFilter(); filter.AddCondition("DeviceId", ScanOperator.Equal, id); … table.Scan(filter)</c>
        /// → the filter becomes a <c>QueryFilter</c> without the key condition and the call <c>table.Query(new Primitive(id), filter)</c>.
        /// Only for a string (or Primitive) key value written as a variable, literal or member, and a filter used nowhere else.
        /// </summary>
        private static SyntaxNode? RewriteDocumentScan(SyntaxNode root, SemanticModel model, IInvocationOperation invocation, InvocationExpressionSyntax invocationSyntax,
            ScanAnalysis scan, DynamoDBSymbols symbols, CancellationToken cancellationToken)
        {
            var keys = scan.Keys!;
            if (invocation.Arguments.Length != 1 || !invocation.Arguments[0].Parameter!.Type.Is(symbols.ScanFilter)
                || invocationSyntax.ArgumentList.Arguments.Count != 1 || invocationSyntax.ArgumentList.Arguments[0].Expression is not IdentifierNameSyntax filterName
                || model.GetSymbolInfo(filterName, cancellationToken).Symbol is not ILocalSymbol local || local.DeclaringSyntaxReferences.Length != 1
                || local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: ObjectCreationExpressionSyntax { Initializer: null } filterCreation } declarator
                || declarator.Parent is not VariableDeclarationSyntax { Variables.Count: 1 } declaration)
            {
                return null;
            }

            var memberNode = invocationSyntax.FirstAncestorOrSelf<SyntaxNode>(n => n is BaseMethodDeclarationSyntax || n is LocalFunctionStatementSyntax || n is AccessorDeclarationSyntax);
            if (memberNode is null)
            {
                return null;
            }

            // Every use of the filter: AddCondition statements, or this Scan.
            var conditionStatements = new Dictionary<SyntaxNode, ExpressionStatementSyntax>();
            foreach (var identifier in memberNode.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (identifier == filterName || identifier.Identifier.ValueText != local.Name
                    || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, local))
                {
                    continue;
                }

                if (identifier.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AddCondition" } access && access.Expression == identifier
                    && access.Parent is InvocationExpressionSyntax call && call.Parent is ExpressionStatementSyntax statement && call.SpanStart < invocationSyntax.SpanStart)
                {
                    conditionStatements[call] = statement;
                    continue;
                }

                return null;
            }

            ExpressionStatementSyntax? keyStatement = null;
            ExpressionSyntax? keyValue = null;
            foreach (var condition in scan.LegacyConditions)
            {
                if (!conditionStatements.TryGetValue(condition.Syntax, out var statement))
                {
                    return null;
                }

                if (condition.Attribute == keys.PartitionKey && keyStatement is null && condition.IsEquality
                    && condition.Syntax is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 3 } call)
                {
                    keyStatement = statement;
                    keyValue = call.ArgumentList.Arguments[2].Expression;
                }
                else if (condition.Attribute == keys.PartitionKey || condition.Attribute == keys.SortKey)
                {
                    return null;
                }
            }

            if (keyStatement is null || keyValue is null || conditionStatements.Count != scan.LegacyConditions.Length
                || keyValue is not (IdentifierNameSyntax or LiteralExpressionSyntax or MemberAccessExpressionSyntax))
            {
                return null;
            }

            var valueType = model.GetTypeInfo(keyValue, cancellationToken).Type;
            ExpressionSyntax hashKey;
            if (valueType?.SpecialType == SpecialType.System_String)
            {
                hashKey = SyntaxFactory.ObjectCreationExpression(SyntaxFactory.ParseTypeName("Amazon.DynamoDBv2.DocumentModel.Primitive").WithAdditionalAnnotations(Simplifier.Annotation))
                    .WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(keyValue.WithoutTrivia()))));
            }
            else if (valueType?.Name == "Primitive")
            {
                hashKey = keyValue.WithoutTrivia();
            }
            else
            {
                return null;
            }

            var renamedCall = DynamoDBFixSupport.Rename(invocationSyntax, "Query");
            var renamedCreation = DynamoDBFixSupport.RenameType(filterCreation.Type, "ScanFilter", "QueryFilter");
            if (renamedCall is null || renamedCreation is null)
            {
                return null;
            }

            var newDeclaration = declaration.ReplaceNode(filterCreation, filterCreation.WithType(renamedCreation));
            if (!declaration.Type.IsVar)
            {
                var renamedType = DynamoDBFixSupport.RenameType(declaration.Type, "ScanFilter", "QueryFilter");
                if (renamedType is null)
                {
                    return null;
                }

                newDeclaration = newDeclaration.WithType(renamedType);
            }

            var newCall = renamedCall.WithArgumentList(renamedCall.ArgumentList.WithArguments(
                SyntaxFactory.SeparatedList(new[] { SyntaxFactory.Argument(hashKey), invocationSyntax.ArgumentList.Arguments[0] })));
            var edited = root.TrackNodes(declaration, keyStatement, invocationSyntax);
            edited = edited.ReplaceNode(edited.GetCurrentNode(invocationSyntax)!, newCall);
            edited = edited.ReplaceNode(edited.GetCurrentNode(declaration)!, newDeclaration);
            return edited.RemoveNode(edited.GetCurrentNode(keyStatement)!, SyntaxRemoveOptions.KeepNoTrivia);
        }

        /// <summary>An explicitly typed response local: ScanResponse → QueryResponse.</summary>
        private static void RenameResponseType(InvocationExpressionSyntax invocationSyntax, VariableDeclarationSyntax? requestDeclaration, Dictionary<SyntaxNode, SyntaxNode> replacements)
        {
            var awaited = invocationSyntax.Parent is AwaitExpressionSyntax await ? (SyntaxNode)await : invocationSyntax;
            if (awaited.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax responseDeclaration } }
                && !responseDeclaration.Type.IsVar && responseDeclaration != requestDeclaration)
            {
                var renamedResponse = DynamoDBFixSupport.RenameType(responseDeclaration.Type, "ScanResponse", "QueryResponse");
                if (renamedResponse != null)
                {
                    var newResponseDeclaration = responseDeclaration.ReplaceNode(invocationSyntax, replacements[invocationSyntax]).WithType(renamedResponse);
                    replacements.Remove(invocationSyntax);
                    replacements[responseDeclaration] = newResponseDeclaration;
                }
            }
        }

        /// <summary>
        /// <c>client.ScanAsync(tableName, [attributesToGet,] new Dictionary&lt;string, Condition&gt; { … }[, ct])</c> →
        /// <c>client.QueryAsync(new QueryRequest { TableName, [AttributesToGet,] KeyConditions, [QueryFilter] }[, ct])</c>.
        /// </summary>
        private static SyntaxNode? RewriteTableNameOverload(SyntaxNode root, IInvocationOperation invocation, InvocationExpressionSyntax invocationSyntax, ScanAnalysis scan)
        {
            ExpressionSyntax? table = null, attributes = null, filter = null, cancellation = null;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.ArgumentKind != ArgumentKind.Explicit || argument.Syntax is not ArgumentSyntax { NameColon: null } syntax)
                {
                    if (argument.ArgumentKind == ArgumentKind.DefaultValue)
                    {
                        continue;
                    }

                    return null;
                }

                switch (argument.Parameter?.Name)
                {
                    case "tableName":
                        table = syntax.Expression;
                        break;
                    case "attributesToGet":
                        attributes = syntax.Expression;
                        break;
                    case "scanFilter":
                        filter = syntax.Expression;
                        break;
                    case "cancellationToken":
                        cancellation = syntax.Expression;
                        break;
                    default:
                        return null;
                }
            }

            if (table is null || filter is null || invocationSyntax.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ScanAsync" }
                || !SplitConditionDictionary(filter, scan, out var keyDictionary, out var restDictionary))
            {
                return null;
            }

            var members = new List<ExpressionSyntax> { Assign("TableName", table) };
            if (attributes != null)
            {
                members.Add(Assign("AttributesToGet", attributes));
            }

            members.Add(Assign("KeyConditions", keyDictionary));
            if (restDictionary != null)
            {
                members.Add(Assign("QueryFilter", restDictionary));
            }

            var request = SyntaxFactory.ObjectCreationExpression(SyntaxFactory.ParseTypeName("Amazon.DynamoDBv2.Model.QueryRequest").WithAdditionalAnnotations(Simplifier.Annotation))
                .WithInitializer(SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression, SyntaxFactory.SeparatedList(members)));
            var arguments = new List<ArgumentSyntax> { SyntaxFactory.Argument(request) };
            if (cancellation != null)
            {
                arguments.Add(SyntaxFactory.Argument(cancellation.WithoutTrivia()));
            }

            var renamed = DynamoDBFixSupport.Rename(invocationSyntax, "QueryAsync");
            if (renamed is null)
            {
                return null;
            }

            var replacements = new Dictionary<SyntaxNode, SyntaxNode>
            {
                [invocationSyntax] = renamed.WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(arguments)).WithTriviaFrom(invocationSyntax.ArgumentList))
                    .WithAdditionalAnnotations(Formatter.Annotation),
            };
            RenameResponseType(invocationSyntax, null, replacements);
            return root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]);

            static ExpressionSyntax Assign(string property, ExpressionSyntax value)
                => SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName(property), value.WithoutTrivia());
        }

        /// <summary>Splits the filter into the key condition (partition equality, at most one sort-key condition) and the rest.</summary>
        private static bool SplitExpression(ScanAnalysis scan, out string keyCondition, out string? remainder)
        {
            keyCondition = string.Empty;
            remainder = null;
            var keys = scan.Keys!;
            var text = scan.FilterText!;
            ConditionNode? partition = null;
            ConditionNode? sort = null;
            var rest = new List<string>();
            foreach (var conjunct in scan.Filter!.Conjuncts)
            {
                var piece = text.Substring(conjunct.Start, conjunct.Length);
                if (partition is null && scan.TryKeyEquality(conjunct, out var attribute) && attribute == keys.PartitionKey)
                {
                    partition = conjunct;
                    continue;
                }

                if (scan.Mentions(conjunct, keys.PartitionKey) != false)
                {
                    return false;
                }

                var mentionsSort = keys.SortKey is null ? false : scan.Mentions(conjunct, keys.SortKey);
                if (mentionsSort is null)
                {
                    return false;
                }

                if (mentionsSort == true)
                {
                    if (sort != null || !IsSortKeyCondition(conjunct))
                    {
                        return false; // a query filter may not name key attributes
                    }

                    sort = conjunct;
                    continue;
                }

                rest.Add(piece);
            }

            if (partition is null)
            {
                return false;
            }

            keyCondition = text.Substring(partition.Start, partition.Length);
            if (sort != null)
            {
                keyCondition += " AND " + text.Substring(sort.Start, sort.Length);
            }

            remainder = rest.Count == 0 ? null : string.Join(" AND ", rest);
            return true;
        }

        private static readonly HashSet<string> KeyConditionOperators = new HashSet<string> { "EQ", "LE", "LT", "GE", "GT", "BEGINS_WITH", "BETWEEN" };

        /// <summary>
        /// Splits an inline <c>new Dictionary&lt;string, Condition&gt; { … }</c> scan filter into the key conditions (partition EQ,
        /// at most one sort-key condition) and the rest (the query filter), keeping each entry as written.
        /// </summary>
        private static bool SplitConditionDictionary(ExpressionSyntax dictionary, ScanAnalysis scan, out ExpressionSyntax keyDictionary, out ExpressionSyntax? restDictionary)
        {
            keyDictionary = dictionary;
            restDictionary = null;
            var keys = scan.Keys!;
            if (dictionary is not BaseObjectCreationExpressionSyntax { Initializer: { } initializer } creation)
            {
                return false;
            }

            var keyElements = new List<ExpressionSyntax>();
            var restElements = new List<ExpressionSyntax>();
            bool partition = false, sort = false;
            foreach (var element in initializer.Expressions)
            {
                LegacyCondition? match = null;
                foreach (var condition in scan.LegacyConditions)
                {
                    if (element.Span.Contains(condition.Syntax.Span))
                    {
                        match = condition;
                    }
                }

                if (match is not { } found || found.Operator is null)
                {
                    return false;
                }

                if (found.Attribute == keys.PartitionKey && !partition && found.IsEquality)
                {
                    partition = true;
                    keyElements.Add(element);
                }
                else if (found.Attribute == keys.PartitionKey)
                {
                    return false;
                }
                else if (keys.SortKey != null && found.Attribute == keys.SortKey)
                {
                    if (sort || !KeyConditionOperators.Contains(found.Operator))
                    {
                        return false;
                    }

                    sort = true;
                    keyElements.Add(element);
                }
                else
                {
                    restElements.Add(element);
                }
            }

            if (!partition || initializer.Expressions.Count != scan.LegacyConditions.Length)
            {
                return false;
            }

            keyDictionary = WithElements(creation, initializer, keyElements);
            restDictionary = restElements.Count == 0 ? null : WithElements(creation, initializer, restElements);
            return true;
        }

        private static ExpressionSyntax WithElements(BaseObjectCreationExpressionSyntax creation, InitializerExpressionSyntax initializer, List<ExpressionSyntax> elements)
        {
            var list = initializer.Expressions;
            var separator = list.SeparatorCount > 0 ? list.GetSeparator(0) : SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space);
            var count = elements.Count - 1 + (list.SeparatorCount == list.Count && elements.Count > 0 ? 1 : 0);
            return creation.WithInitializer(initializer.WithExpressions(SyntaxFactory.SeparatedList(elements, Enumerable.Repeat(separator, System.Math.Max(0, count)))))
                .WithAdditionalAnnotations(Formatter.Annotation);
        }

        private static bool IsSortKeyCondition(ConditionNode node)
        {
            switch (node.Kind)
            {
                case ConditionKind.Comparison:
                    return SortKeyComparators.Contains(node.Operator!) && node.Operands.Any(o => o.Kind == OperandKind.Path && o.IsTopLevelAttribute) && node.Operands.Any(o => o.Kind == OperandKind.Value);
                case ConditionKind.Between:
                    return node.Operands[0].IsTopLevelAttribute && node.Operands[1].Kind == OperandKind.Value && node.Operands[2].Kind == OperandKind.Value;
                case ConditionKind.Function:
                    return node.Operator == "begins_with" && node.Operands.Length == 2 && node.Operands[0].IsTopLevelAttribute && node.Operands[1].Kind == OperandKind.Value;
                default:
                    return false;
            }
        }

        private static SyntaxNode? RewriteContextScan(SyntaxNode root, IInvocationOperation invocation, InvocationExpressionSyntax invocationSyntax, ScanAnalysis scan, CancellationToken cancellationToken)
        {
            var keys = scan.Keys!;
            if (invocation.TargetMethod.Name != "ScanAsync" || invocation.Arguments.Length != 1 || invocationSyntax.ArgumentList.Arguments.Count != 1)
            {
                return null; // a config argument: not rewritten
            }

            var elements = ConditionElements(invocationSyntax.ArgumentList.Arguments[0].Expression);
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
                if (condition.Attribute == keys.PartitionProperty)
                {
                    if (hashValue != null || !condition.IsEquality || values.Count != 1)
                    {
                        return null;
                    }

                    hashValue = values[0];
                }
                else if (keys.SortProperty != null && condition.Attribute == keys.SortProperty)
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

            if (rest.Count > 0)
            {
                var list = SyntaxFactory.ObjectCreationExpression(SyntaxFactory.ParseTypeName("System.Collections.Generic.List<Amazon.DynamoDBv2.DataModel.ScanCondition>").WithAdditionalAnnotations(Simplifier.Annotation))
                    .WithInitializer(SyntaxFactory.InitializerExpression(SyntaxKind.CollectionInitializerExpression, SyntaxFactory.SeparatedList(rest.Select(r => r.WithoutTrivia()))));
                var config = SyntaxFactory.ObjectCreationExpression(SyntaxFactory.ParseTypeName("Amazon.DynamoDBv2.DataModel.QueryConfig").WithAdditionalAnnotations(Simplifier.Annotation))
                    .WithInitializer(SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression, SyntaxFactory.SingletonSeparatedList<ExpressionSyntax>(
                        SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName("QueryFilter"), list))));
                arguments.Add(SyntaxFactory.Argument(config));
            }

            var renamed = DynamoDBFixSupport.Rename(invocationSyntax, "QueryAsync");
            if (renamed is null)
            {
                return null;
            }

            var newCall = renamed.WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(arguments)).WithTriviaFrom(invocationSyntax.ArgumentList))
                .WithAdditionalAnnotations(Formatter.Annotation);
            return root.ReplaceNode(invocationSyntax, newCall);
        }

        /// <summary>The <c>new ScanCondition(...)</c> elements of an inline array or list initializer.</summary>
        private static List<ObjectCreationExpressionSyntax>? ConditionElements(ExpressionSyntax argument)
        {
            InitializerExpressionSyntax? initializer = argument switch
            {
                ArrayCreationExpressionSyntax array => array.Initializer,
                ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.Initializer,
                ObjectCreationExpressionSyntax list => list.Initializer,
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
