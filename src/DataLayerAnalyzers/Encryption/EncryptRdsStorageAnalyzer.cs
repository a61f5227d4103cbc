using System;
using DataLayerAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DataLayerAnalyzers.Encryption
{
    /// <summary>
    /// DLA3004: RDS storage left unencrypted — <c>StorageEncrypted = false</c>; a non-Aurora instance or cluster that never
    /// sets it (Aurora cluster members and Aurora clusters are encrypted through the cluster / by default); a copy of a
    /// snapshot the code knows is unencrypted, made without a KMS key. Restores inherit the snapshot's encryption.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class EncryptRdsStorageAnalyzer : RequestRuleAnalyzer
    {
        private const string StorageEncrypted = "StorageEncrypted";
        private const string Remedy = "set StorageEncrypted = true";

        /// <summary>How deep a guard condition (<c>!</c>, <c>&amp;&amp;</c>, <c>||</c>) is followed.</summary>
        private const int MaxConditionDepth = 32;

        public EncryptRdsStorageAnalyzer()
            : base(
                DiagnosticDescriptors.EncryptRdsStorage,
                AwsRequestTypes.CreateDBInstance,
                AwsRequestTypes.CreateDBCluster,
                AwsRequestTypes.CopyDBSnapshot,
                CdkTypes.DatabaseInstanceProps,
                CdkTypes.DatabaseClusterProps,
                CdkTypes.CfnDBInstanceProps,
                CdkTypes.CfnDBClusterProps)
        {
        }

        private protected override void Analyze(RequestRuleContext context)
        {
            if (context.IsCdk)
            {
                AnalyzeCdk(context);
                return;
            }

            if (context.TypeName == "CopyDBSnapshotRequest")
            {
                if (!context.Model.IsSet("KmsKeyId") && context.Creation != null && IsGuardedByUnencryptedSnapshot(context.Creation, context.KnownTypes.Get(AwsRequestTypes.DBSnapshot)))
                {
                    context.ReportMissing("KmsKeyId", null, "This copy of an unencrypted snapshot", "copy it with a KmsKeyId so the copy is encrypted");
                }

                return;
            }

            if (context.IsSetTo(StorageEncrypted, false, out var setting))
            {
                context.ReportSetting(setting, "true", "StorageEncrypted = false on this " + context.TypeName, Remedy);
            }
            else if (!context.Model.IsSet(StorageEncrypted) && !IsAurora(context))
            {
                context.ReportMissing(StorageEncrypted, "true", "This " + context.TypeName, Remedy);
            }
        }

        /// <summary>
        /// CDK: a <c>DatabaseInstance</c> without <c>StorageEncrypted = true</c> or a <c>StorageEncryptionKey</c> (CDK then leaves
        /// the storage unencrypted); <c>StorageEncrypted = false</c> without a key on an instance or cluster (a key encrypts
        /// whatever the flag says). An Aurora <c>DatabaseCluster</c> that omits it is encrypted by default. L1: false, or missing
        /// on a stand-alone instance or a non-Aurora cluster; members, replicas and restores inherit.
        /// </summary>
        private static void AnalyzeCdk(RequestRuleContext context)
        {
            if (context.IsCdkL1)
            {
                if (context.IsSetTo(StorageEncrypted, false, out var l1Setting))
                {
                    context.ReportSetting(l1Setting, "true", "StorageEncrypted = false on this " + context.Subject, Remedy);
                }
                else if (!context.Model.IsSet(StorageEncrypted) && !context.Model.IsSet("KmsKeyId") && !InheritsOrAurora(context))
                {
                    context.ReportMissing(StorageEncrypted, "true", "This " + context.Subject,
                        "CloudFormation leaves storage unencrypted when StorageEncrypted is not set; " + Remedy);
                }

                return;
            }

            if (context.Model.IsSet("StorageEncryptionKey"))
            {
                return;
            }

            if (context.IsSetTo(StorageEncrypted, false, out var setting))
            {
                context.ReportSetting(setting, "true", "StorageEncrypted = false on this " + context.Subject, Remedy + " or give a StorageEncryptionKey");
            }
            else if (!context.Model.IsSet(StorageEncrypted) && context.TypeName == "IDatabaseInstanceProps")
            {
                context.ReportMissing(StorageEncrypted, "true", "This " + context.Subject,
                    "CDK leaves storage unencrypted unless StorageEncrypted or a StorageEncryptionKey is set; " + Remedy);
            }
        }

        /// <summary>An L1 instance that joins a cluster, restores a snapshot or replicates; a cluster restored, copied, Aurora or of unknown engine.</summary>
        private static bool InheritsOrAurora(RequestRuleContext context)
        {
            var model = context.Model;
            var known = model.TryGetString("Engine", out var engine, out _, context.CancellationToken);
            if (known && engine.StartsWith("aurora", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            return context.TypeName == "ICfnDBInstanceProps"
                ? model.IsSet("DbClusterIdentifier") || model.IsSet("DbSnapshotIdentifier") || model.IsSet("SourceDbInstanceIdentifier")
                : !known || model.IsSet("SnapshotIdentifier") || model.IsSet("SourceDbClusterIdentifier");
        }

        /// <summary>An Aurora cluster member instance, an Aurora cluster, or a cluster whose engine is not known.</summary>
        private static bool IsAurora(RequestRuleContext context)
        {
            if (context.TypeName == "CreateDBInstanceRequest")
            {
                return context.Model.IsSet("DBClusterIdentifier");
            }

            return !context.Model.TryGetString("Engine", out var engine, out _, context.CancellationToken)
                || engine.StartsWith("aurora", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>
        /// The copy sits in the branch of an <c>if</c>/<c>?:</c> that established <c>DBSnapshot.Encrypted</c> is false, or after
        /// an <c>if (snapshot.Encrypted == true) return;</c> (or <c>continue</c>, <c>break</c>, <c>throw</c>) in an enclosing block.
        /// </summary>
        private static bool IsGuardedByUnencryptedSnapshot(IOperation creation, INamedTypeSymbol? dbSnapshot)
        {
            if (dbSnapshot is null)
            {
                return false;
            }

            var child = creation;
            for (var parent = creation.Parent; parent != null; child = parent, parent = parent.Parent)
            {
                if (parent is IConditionalOperation conditional && child != conditional.Condition
                    && KnowsUnencrypted(conditional.Condition, branch: child == conditional.WhenTrue, dbSnapshot, 0))
                {
                    return true;
                }

                if (parent is IBlockOperation block && IsAfterEncryptedGuard(block, child, dbSnapshot))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>An earlier statement of the block leaves it when the snapshot is encrypted: only unencrypted ones get here.</summary>
        private static bool IsAfterEncryptedGuard(IBlockOperation block, IOperation statement, INamedTypeSymbol dbSnapshot)
        {
            foreach (var earlier in block.Operations)
            {
                if (earlier == statement)
                {
                    return false;
                }

                if (earlier is IConditionalOperation { WhenFalse: null } guard && LeavesBlock(guard.WhenTrue)
                    && KnowsUnencrypted(guard.Condition, branch: false, dbSnapshot, 0))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool LeavesBlock(IOperation operation)
        {
            while (operation is IBlockOperation { Operations.Length: > 0 } block)
            {
                operation = block.Operations[block.Operations.Length - 1];
            }

            return operation is IReturnOperation || operation is IThrowOperation || (operation as IExpressionStatementOperation)?.Operation is IThrowOperation
                || operation is IBranchOperation { BranchKind: BranchKind.Continue or BranchKind.Break };
        }

        /// <summary>
        /// In the branch where <paramref name="condition"/> is <paramref name="branch"/>, is the snapshot unencrypted?
        /// Conditions nested deeper than <see cref="MaxConditionDepth"/> (long <c>&amp;&amp;</c> chains) are not followed.
        /// </summary>
        private static bool KnowsUnencrypted(IOperation condition, bool branch, INamedTypeSymbol dbSnapshot, int depth)
        {
            if (depth > MaxConditionDepth)
            {
                return false;
            }

            depth++;
            switch (ValueResolver.Unwrap(condition))
            {
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    return KnowsUnencrypted(not.Operand, !branch, dbSnapshot, depth);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } binary when branch:
                    return KnowsUnencrypted(binary.LeftOperand, branch, dbSnapshot, depth) || KnowsUnencrypted(binary.RightOperand, branch, dbSnapshot, depth);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } binary when !branch:
                    return KnowsUnencrypted(binary.LeftOperand, branch, dbSnapshot, depth) || KnowsUnencrypted(binary.RightOperand, branch, dbSnapshot, depth);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison:
                    // In this branch the flag equals the constant when (==, true branch) or (!=, false branch).
                    return Compares(comparison.LeftOperand, comparison.RightOperand, dbSnapshot, out var constant)
                        && ((comparison.OperatorKind == BinaryOperatorKind.Equals) == branch ? !constant : constant);
                case IIsPatternOperation { Pattern: IConstantPatternOperation pattern } isPattern:
                    return Compares(isPattern.Value, pattern.Value, dbSnapshot, out var matched) && (branch ? !matched : matched);
                case IIsPatternOperation { Pattern: INegatedPatternOperation { Pattern: IConstantPatternOperation negated } } isNot:
                    return Compares(isNot.Value, negated.Value, dbSnapshot, out var excluded) && (branch ? excluded : !excluded);
                case { } flag when IsEncryptedFlag(flag, dbSnapshot):
                    return !branch;
                default:
                    return false;
            }
        }

        private static bool Compares(IOperation left, IOperation right, INamedTypeSymbol dbSnapshot, out bool constant)
        {
            constant = false;
            return (IsEncryptedFlag(left, dbSnapshot) && ValueResolver.TryResolveBool(right, out constant, out _))
                || (IsEncryptedFlag(right, dbSnapshot) && ValueResolver.TryResolveBool(left, out constant, out _));
        }

        /// <summary><c>s.Encrypted</c>, <c>s.Encrypted.GetValueOrDefault()</c> or <c>s.Encrypted ?? false</c> of a DBSnapshot.</summary>
        private static bool IsEncryptedFlag(IOperation operation, INamedTypeSymbol dbSnapshot)
        {
            switch (ValueResolver.Unwrap(operation))
            {
                case IPropertyReferenceOperation property:
                    return IsEncryptedProperty(property, dbSnapshot);
                case IInvocationOperation { TargetMethod.Name: "GetValueOrDefault", Instance: { } instance }:
                    return ValueResolver.Unwrap(instance) is IPropertyReferenceOperation nullable && IsEncryptedProperty(nullable, dbSnapshot);
                case ICoalesceOperation coalesce:
                    return ValueResolver.Unwrap(coalesce.Value) is IPropertyReferenceOperation left && IsEncryptedProperty(left, dbSnapshot)
                        && ValueResolver.TryResolveBool(coalesce.WhenNull, out var whenNull, out _) && !whenNull;
                default:
                    return false;
            }
        }

        private static bool IsEncryptedProperty(IPropertyReferenceOperation property, INamedTypeSymbol dbSnapshot)
            => property.Property.Name == "Encrypted" && property.Property.ContainingType.Is(dbSnapshot);
    }
}
