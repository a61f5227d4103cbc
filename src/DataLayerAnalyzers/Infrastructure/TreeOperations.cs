using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DataLayerAnalyzers.Infrastructure
{
    /// <summary>
    /// The operations of the dispatched kinds in one syntax tree, declaration by declaration, each with the symbol the
    /// driver names as the containing symbol of its operations: what <see cref="OperationDispatch"/> hands out. Made once
    /// per semantic model (the driver gives every analyzer the same model of a tree), by the first analyzer that asks.
    /// </summary>
    internal sealed class TreeOperations
    {
        private static readonly ConditionalWeakTable<SemanticModel, Holder> Trees = new ConditionalWeakTable<SemanticModel, Holder>();

        private static readonly ConditionalWeakTable<SemanticModel, Holder>.CreateValueCallback NewHolder = _ => new Holder();

        private static readonly TreeOperations Empty = new TreeOperations(null, Array.Empty<Declaration>(), Array.Empty<IOperation>(), Array.Empty<byte>(), 0);

        private readonly SemanticModel? _model;
        private readonly ISymbol?[] _owners;

        private TreeOperations(SemanticModel? model, Declaration[] declarations, IOperation[] operations, byte[] slots, int mask)
        {
            _model = model;
            Declarations = declarations;
            Operations = operations;
            Slots = slots;
            Mask = mask;
            _owners = new ISymbol?[declarations.Length];
        }

        /// <summary>The declarations with at least one operation of a dispatched kind, in the order they are written.</summary>
        public Declaration[] Declarations { get; }

        /// <summary>Every declaration's operations of dispatched kinds, one declaration after the other, each in pre-order.</summary>
        public IOperation[] Operations { get; }

        /// <summary>The dispatch slot of each operation's kind.</summary>
        public byte[] Slots { get; }

        /// <summary>The slots present in the tree.</summary>
        public int Mask { get; }

        /// <summary>
        /// The symbol the driver names as the containing symbol of declaration <paramref name="index"/>'s operations. Asked
        /// for only when a rule is about to report or must know where it is, so most declarations never look theirs up:
        /// finding a member's symbol from its syntax costs more than listing its operations.
        /// </summary>
        public ISymbol OwnerOf(int index, CancellationToken cancellationToken)
        {
            var owner = Volatile.Read(ref _owners[index]);
            if (owner != null)
            {
                return owner;
            }

            var declaration = Declarations[index];
            owner = declaration.Symbol ?? Resolve(declaration, cancellationToken);
            return Interlocked.CompareExchange(ref _owners[index], owner, null) ?? owner;
        }

        private ISymbol Resolve(in Declaration declaration, CancellationToken cancellationToken)
        {
            var model = _model!;
            var node = declaration.Node!;
            var owner = DeclaredOwner(model, node, declaration.OfGetter, cancellationToken);

            // Code that does not compile can declare a member without a symbol (the driver then hands its operations to
            // no one); the rules still get a symbol: the one around the declaration.
            return owner ?? model.GetEnclosingSymbol(node.SpanStart, cancellationToken) ?? model.Compilation.Assembly.GlobalNamespace;
        }

        /// <summary>The symbol <paramref name="node"/> declares, or, <paramref name="ofGetter"/>, the getter of the property it declares.</summary>
        private static ISymbol? DeclaredOwner(SemanticModel model, SyntaxNode node, bool ofGetter, CancellationToken cancellationToken)
        {
            var declared = model.GetDeclaredSymbol(node, cancellationToken);
            return ofGetter ? (declared as IPropertySymbol)?.GetMethod : declared;
        }

        /// <summary>The operations of <paramref name="model"/>'s tree, made on the first call for the model.</summary>
        public static TreeOperations For(SemanticModel model, CancellationToken cancellationToken)
        {
            var holder = Trees.GetValue(model, NewHolder);
            var built = Volatile.Read(ref holder.Built);
            if (built != null)
            {
                return built;
            }

            // Analyzers of one tree may run on several threads: the first builds (binding every body), the others wait
            // for it rather than bind the same bodies again. A cancelled build leaves nothing behind.
            lock (holder)
            {
                built = holder.Built;
                if (built is null)
                {
                    built = BuildObserver is { } observer ? BuildObserved(model, cancellationToken, observer) : new Builder(model, cancellationToken).Build();
                    Volatile.Write(ref holder.Built, built);
                }

                return built;
            }
        }

        /// <summary>
        /// Null except in the benchmark's <c>--cpu</c> run, which sets it to time each build of a list apart from the rule
        /// that asked for it first: it is handed the build to run and returns its result.
        /// </summary>
        internal static Func<Func<TreeOperations>, TreeOperations>? BuildObserver;

        /// <summary>Kept apart from <see cref="For"/>, so that the closure is made only when a build is observed.</summary>
        private static TreeOperations BuildObserved(SemanticModel model, CancellationToken cancellationToken, Func<Func<TreeOperations>, TreeOperations> observer)
            => observer(() => new Builder(model, cancellationToken).Build());

        /// <summary>
        /// One declaration's share of <see cref="Operations"/>: positions <see cref="Start"/> to <see cref="End"/>
        /// (exclusive). Its symbol is either known (<see cref="Symbol"/>) or the one <see cref="Node"/> declares (the
        /// getter of the property it declares when <see cref="OfGetter"/>), looked up by <see cref="OwnerOf"/>.
        /// </summary>
        internal readonly struct Declaration
        {
            public Declaration(ISymbol? symbol, SyntaxNode? node, bool ofGetter, int start, int end, int mask)
            {
                Symbol = symbol;
                Node = node;
                OfGetter = ofGetter;
                Start = start;
                End = end;
                Mask = mask;
            }

            public ISymbol? Symbol { get; }

            public SyntaxNode? Node { get; }

            public bool OfGetter { get; }

            public int Start { get; }

            public int End { get; }

            public int Mask { get; }
        }

        private sealed class Holder
        {
            public TreeOperations? Built;
        }

        /// <summary>
        /// The arrays a build collects a tree's operations in, reused by the next build on the same thread: the list is
        /// copied out at its exact size, so only that copy is allocated per tree. Returned emptied, so that no operation
        /// (and through it no compilation) is kept alive by a thread; a build that throws simply does not return them.
        /// </summary>
        private sealed class Buffers
        {
            private const int InitialSize = 1024;

            /// <summary>Buffers larger than this are not kept for the next build: one huge file should not pin memory.</summary>
            private const int MaxKeptSize = 1 << 16;

            [ThreadStatic]
            private static Buffers? t_free;

            public IOperation[] Operations = new IOperation[InitialSize];

            public byte[] Slots = new byte[InitialSize];

            public static Buffers Take()
            {
                var free = t_free;
                t_free = null;
                return free ?? new Buffers();
            }

            public static void Return(Buffers buffers, int used)
            {
                Array.Clear(buffers.Operations, 0, used);
                if (buffers.Operations.Length <= MaxKeptSize)
                {
                    t_free = buffers;
                }
            }

            public void Grow()
            {
                Array.Resize(ref Operations, Operations.Length * 2);
                Array.Resize(ref Slots, Slots.Length * 2);
            }
        }

        private sealed class Builder
        {
            private const int MaxRootDepth = 8;

            private readonly SemanticModel _model;
            private readonly CancellationToken _cancellationToken;
            private readonly List<Declaration> _declarations;
            private readonly Buffers _buffers;
            private int _count;
            private readonly List<IOperation> _roots;
            private readonly INamedTypeSymbol? _generatedCodeAttribute;
            private IOperation.OperationList.Enumerator[] _walk = new IOperation.OperationList.Enumerator[32];
            private int _mask;

            public Builder(SemanticModel model, CancellationToken cancellationToken)
            {
                _model = model;
                _cancellationToken = cancellationToken;
                _declarations = new List<Declaration>();
                _buffers = Buffers.Take();
                _roots = new List<IOperation>();
                _mask = 0;

                // [GeneratedCode] can only mark code in a file that names it: other files need no look at attributes.
                _generatedCodeAttribute = GeneratedCodeLocations.AttributeNamedIn(model.SyntaxTree, model.Compilation, cancellationToken);
            }

            public TreeOperations Build()
            {
                var root = _model.SyntaxTree.GetRoot(_cancellationToken);
                if (root is CompilationUnitSyntax unit)
                {
                    // The members to visit, kept on an explicit stack: nesting of namespaces and types is not bounded.
                    var pending = new Stack<MemberDeclarationSyntax>();
                    var hasGlobalStatements = false;
                    for (var i = unit.Members.Count - 1; i >= 0; i--)
                    {
                        if (unit.Members[i] is GlobalStatementSyntax)
                        {
                            hasGlobalStatements = true;
                        }
                        else
                        {
                            pending.Push(unit.Members[i]);
                        }
                    }

                    if (hasGlobalStatements && _model.GetDeclaredSymbol(unit, _cancellationToken) is { } entryPoint)
                    {
                        AddRoot(_model.GetOperation(unit, _cancellationToken));
                        EndDeclaration(entryPoint);
                    }

                    AddAttributes(unit.AttributeLists);
                    EndDeclaration(_model.Compilation.Assembly.GlobalNamespace);

                    while (pending.Count > 0)
                    {
                        _cancellationToken.ThrowIfCancellationRequested();
                        Visit(pending.Pop(), pending);
                    }
                }

                if (_count == 0)
                {
                    Buffers.Return(_buffers, 0);
                    return Empty;
                }

                var operations = new IOperation[_count];
                var slots = new byte[_count];
                Array.Copy(_buffers.Operations, operations, _count);
                Array.Copy(_buffers.Slots, slots, _count);
                Buffers.Return(_buffers, _count);
                return new TreeOperations(_model, _declarations.ToArray(), operations, slots, _mask);
            }

            private void Visit(MemberDeclarationSyntax member, Stack<MemberDeclarationSyntax> pending)
            {
                switch (member)
                {
                    case BaseNamespaceDeclarationSyntax ns:
                        PushMembers(ns.Members, pending);
                        break;

                    case BaseTypeDeclarationSyntax type:
                        if (_generatedCodeAttribute != null && IsGeneratedCode(_model.GetDeclaredSymbol(type, _cancellationToken)))
                        {
                            break; // nor its members and nested types: the driver skips them all
                        }

                        AddAttributes(type.AttributeLists);
                        EndDeclarationOf(type);
                        if (type is TypeDeclarationSyntax withMembers)
                        {
                            PrimaryConstructor(withMembers);
                            PushMembers(withMembers.Members, pending);
                        }
                        else if (type is EnumDeclarationSyntax enumeration)
                        {
                            foreach (var value in enumeration.Members)
                            {
                                AddAttributes(value.AttributeLists);
                                AddBlock(value.EqualsValue);
                                EndDeclarationOf(value);
                            }
                        }

                        break;

                    case DelegateDeclarationSyntax @delegate:
                        AddAttributes(@delegate.AttributeLists);
                        AddParameters(@delegate.ParameterList);
                        EndDeclarationOf(@delegate);
                        break;

                    case BaseMethodDeclarationSyntax method:
                        AddAttributes(method.AttributeLists);
                        AddBlock(method.Body);
                        AddBlock(method.ExpressionBody);
                        AddBlock((method as ConstructorDeclarationSyntax)?.Initializer);
                        AddParameters(method.ParameterList);
                        EndDeclarationOf(method);
                        break;

                    case BasePropertyDeclarationSyntax property:
                        AddAttributes(property.AttributeLists);
                        if (property is PropertyDeclarationSyntax plain)
                        {
                            AddBlock(plain.Initializer);
                        }
                        else if (property is IndexerDeclarationSyntax indexer)
                        {
                            AddParameters(indexer.ParameterList);
                        }

                        EndDeclarationOf(property);

                        // An expression body is the getter's body: its operations belong to the getter, as accessors' do.
                        var expressionBody = (property as PropertyDeclarationSyntax)?.ExpressionBody ?? (property as IndexerDeclarationSyntax)?.ExpressionBody;
                        if (expressionBody != null)
                        {
                            AddBlock(expressionBody);
                            EndDeclarationOf(property, ofGetter: true);
                        }

                        if (property.AccessorList != null)
                        {
                            foreach (var accessor in property.AccessorList.Accessors)
                            {
                                AddAttributes(accessor.AttributeLists);
                                AddBlock(accessor.Body);
                                AddBlock(accessor.ExpressionBody);
                                EndDeclarationOf(accessor);
                            }
                        }

                        break;

                    case BaseFieldDeclarationSyntax field:
                        // The driver hands the declaration's attributes to every variable it declares.
                        foreach (var variable in field.Declaration.Variables)
                        {
                            AddAttributes(field.AttributeLists);
                            AddBlock(variable.Initializer);
                            EndDeclarationOf(variable);
                        }

                        break;
                }
            }

            /// <summary>
            /// A record's (or, from C# 12, any type's) parameter list declares a constructor: its base-type arguments and
            /// parameter defaults are that constructor's blocks.
            /// </summary>
            private void PrimaryConstructor(TypeDeclarationSyntax type)
            {
                // The parameter list is written right after the name (or its type parameters): the token there says
                // whether there is one, without visiting the declaration's other children.
                var beforeParameters = type.TypeParameterList?.GreaterThanToken ?? type.Identifier;
                var next = beforeParameters.GetNextToken();
                var parameters = next.IsKind(SyntaxKind.OpenParenToken) && next.Parent is ParameterListSyntax list && list.Parent == type ? list : null;
                if (parameters is null || !(_model.GetDeclaredSymbol(type, _cancellationToken) is INamedTypeSymbol typeSymbol))
                {
                    return;
                }

                IMethodSymbol? constructor = null;
                foreach (var candidate in typeSymbol.InstanceConstructors)
                {
                    foreach (var reference in candidate.DeclaringSyntaxReferences)
                    {
                        if (constructor is null && reference.SyntaxTree == type.SyntaxTree && reference.Span == type.Span)
                        {
                            constructor = candidate;
                        }
                    }
                }

                if (type.BaseList != null)
                {
                    foreach (var baseType in type.BaseList.Types)
                    {
                        if (baseType is PrimaryConstructorBaseTypeSyntax withArguments)
                        {
                            AddBlock(withArguments);
                        }
                    }
                }

                AddParameters(parameters);
                EndDeclaration(constructor);
            }

            private static void PushMembers(SyntaxList<MemberDeclarationSyntax> members, Stack<MemberDeclarationSyntax> pending)
            {
                for (var i = members.Count - 1; i >= 0; i--)
                {
                    pending.Push(members[i]);
                }
            }

            private void AddParameters(BaseParameterListSyntax? parameters)
            {
                if (parameters is null)
                {
                    return;
                }

                foreach (var parameter in parameters.Parameters)
                {
                    AddAttributes(parameter.AttributeLists);
                    AddBlock(parameter.Default);
                }
            }

            private void AddAttributes(SyntaxList<AttributeListSyntax> lists)
            {
                foreach (var list in lists)
                {
                    foreach (var attribute in list.Attributes)
                    {
                        AddBlock(attribute);
                    }
                }
            }

            private void AddBlock(SyntaxNode? block)
            {
                if (block != null)
                {
                    AddRoot(_model.GetOperation(block, _cancellationToken));
                }
            }

            /// <summary>Adds the root of <paramref name="operation"/> (<see cref="OperationDispatch.Root"/>) once per declaration.</summary>
            private void AddRoot(IOperation? operation)
            {
                if (operation is null)
                {
                    return;
                }

                var root = OperationDispatch.Root(operation, MaxRootDepth);
                if (!_roots.Contains(root))
                {
                    _roots.Add(root);
                }
            }

            /// <summary>
            /// Lists the operations of the roots added since the last declaration, as the declaration of the symbol
            /// <paramref name="node"/> declares (or of its getter), looked up only when asked for
            /// (<see cref="OwnerOf"/>). In a file that names <c>[GeneratedCode]</c> it is looked up now, to leave out a
            /// generated member's operations as the driver does.
            /// </summary>
            private void EndDeclarationOf(SyntaxNode node, bool ofGetter = false)
            {
                if (_roots.Count == 0)
                {
                    return;
                }

                if (_generatedCodeAttribute != null)
                {
                    EndDeclaration(DeclaredOwner(_model, node, ofGetter, _cancellationToken));
                    return;
                }

                AddDeclaration(null, node, ofGetter);
            }

            /// <summary>Lists the operations of the roots added since the last declaration, as the declaration of <paramref name="symbol"/>.</summary>
            private void EndDeclaration(ISymbol? symbol)
            {
                if (_roots.Count == 0)
                {
                    return;
                }

                if (symbol is null || IsGeneratedCode(symbol))
                {
                    _roots.Clear();
                    return;
                }

                AddDeclaration(symbol, null, false);
            }

            private void AddDeclaration(ISymbol? symbol, SyntaxNode? node, bool ofGetter)
            {
                var start = _count;
                var mask = 0;
                foreach (var root in _roots)
                {
                    // A constructor with no initializer written has an implicit base(...) call the driver does not hand
                    // to operation actions; neither is it handed on here.
                    if (root is IConstructorBodyOperation { Initializer: { } implicitInitializer } && IsImplicitCall(implicitInitializer))
                    {
                        foreach (var child in root.ChildOperations)
                        {
                            if (!ReferenceEquals(child, implicitInitializer))
                            {
                                mask |= Collect(child);
                            }
                        }
                    }
                    else
                    {
                        mask |= Collect(root);
                    }
                }

                _roots.Clear();
                if (_count == start)
                {
                    return;
                }

                _declarations.Add(new Declaration(symbol, node, ofGetter, start, _count, mask));
                _mask |= mask;
            }

            /// <summary>
            /// Whether the driver takes <paramref name="symbol"/> for generated code by its attribute, and hands its
            /// operations to no analyzer that leaves generated code alone (ours all do): marked
            /// <c>[GeneratedCode]</c> itself, unless declared in more than one part. The types around it are looked at on
            /// the way in; an accessor's property is not looked at (the driver does not either).
            /// </summary>
            private bool IsGeneratedCode(ISymbol? symbol)
                => _generatedCodeAttribute != null && symbol != null && GeneratedCodeLocations.IsMarkedItself(symbol, _generatedCodeAttribute);

            /// <summary>The initializer statement is implicit either way; the call in it is implicit when none is written.</summary>
            private static bool IsImplicitCall(IOperation initializer)
                => initializer.IsImplicit && (initializer is IExpressionStatementOperation statement ? statement.Operation.IsImplicit : true);

            /// <summary>
            /// Lists <paramref name="root"/> and its descendants of dispatched kinds, in pre-order (the order of
            /// <c>DescendantsAndSelf</c>), with the children's enumerators on an explicit stack: nesting is not bounded.
            /// </summary>
            private int Collect(IOperation root)
            {
                var mask = Add(root);
                _walk[0] = root.ChildOperations.GetEnumerator();
                var depth = 1;
                var visited = 0;
                while (depth > 0)
                {
                    ref var children = ref _walk[depth - 1];
                    if (!children.MoveNext())
                    {
                        depth--;
                        continue;
                    }

                    var current = children.Current;
                    if ((++visited & 0xFFF) == 0)
                    {
                        _cancellationToken.ThrowIfCancellationRequested();
                    }

                    mask |= Add(current);
                    if (depth == _walk.Length)
                    {
                        Array.Resize(ref _walk, depth * 2);
                    }

                    _walk[depth++] = current.ChildOperations.GetEnumerator();
                }

                return mask;
            }

            private int Add(IOperation operation)
            {
                var slot = OperationDispatch.Slot(operation.Kind);
                if (slot < 0)
                {
                    return 0;
                }

                if (_count == _buffers.Operations.Length)
                {
                    _buffers.Grow();
                }

                _buffers.Operations[_count] = operation;
                _buffers.Slots[_count] = (byte)slot;
                _count++;
                return 1 << slot;
            }
        }
    }
}
