using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DataLayerAnalyzers.Infrastructure
{
    /// <summary>
    /// Metadata names of the AWS CDK v2 (<c>Amazon.CDK.Lib</c>) props the request rules read: the interface a construct's
    /// constructor or a CDK method takes, so concrete props classes, user classes implementing the interface and
    /// interface-typed locals all count. Looked up by name only: the assembly is far too large to walk.
    /// </summary>
    internal static class CdkTypes
    {
        /// <summary>The AWS CDK v2 assembly; v1 assemblies reuse the namespaces and type names under other assembly names.</summary>
        public const string AssemblyName = "Amazon.CDK.Lib";

        /// <summary>Every CDK name below starts with this; the request engine tells CDK sources from SDK requests by it.</summary>
        public const string NamespacePrefix = "Amazon.CDK.";

        private const string Rds = "Amazon.CDK.AWS.RDS.";
        private const string DynamoDB = "Amazon.CDK.AWS.DynamoDB.";

        public const string DatabaseInstanceProps = Rds + "IDatabaseInstanceProps";
        public const string DatabaseInstanceFromSnapshotProps = Rds + "IDatabaseInstanceFromSnapshotProps";
        public const string DatabaseInstanceReadReplicaProps = Rds + "IDatabaseInstanceReadReplicaProps";
        public const string DatabaseClusterProps = Rds + "IDatabaseClusterProps";
        public const string DatabaseClusterFromSnapshotProps = Rds + "IDatabaseClusterFromSnapshotProps";
        public const string ServerlessClusterProps = Rds + "IServerlessClusterProps";

        /// <summary><c>ClusterInstance.Provisioned(id, props)</c>.</summary>
        public const string ProvisionedClusterInstanceProps = Rds + "IProvisionedClusterInstanceProps";

        /// <summary><c>ClusterInstance.ServerlessV2(id, props)</c>.</summary>
        public const string ServerlessV2ClusterInstanceProps = Rds + "IServerlessV2ClusterInstanceProps";

        /// <summary><c>AddProxy(id, options)</c> on an instance or cluster.</summary>
        public const string DatabaseProxyOptions = Rds + "IDatabaseProxyOptions";

        /// <summary><c>new DatabaseProxy(scope, id, props)</c>.</summary>
        public const string DatabaseProxyProps = Rds + "IDatabaseProxyProps";

        public const string CfnDBInstanceProps = Rds + "ICfnDBInstanceProps";
        public const string CfnDBClusterProps = Rds + "ICfnDBClusterProps";
        public const string CfnDBProxyProps = Rds + "ICfnDBProxyProps";

        public const string TableProps = DynamoDB + "ITableProps";
        public const string TablePropsV2 = DynamoDB + "ITablePropsV2";
        public const string CfnTableProps = DynamoDB + "ICfnTableProps";

        /// <summary>Whether the compilation references Amazon.CDK.Lib at all (by assembly name: cheaper than any type lookup).</summary>
        public static bool IsReferenced(Compilation compilation)
        {
            foreach (var identity in compilation.ReferencedAssemblyNames)
            {
                if (identity.Name == AssemblyName)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>An L1 (CloudFormation) props interface: <c>ICfn…Props</c>.</summary>
        public static bool IsL1(ITypeSymbol? type) => type != null && type.Name.StartsWith("ICfn", StringComparison.Ordinal);
    }

    /// <summary>Values of CDK types the rules need: <c>Duration.Days(n)</c> and friends, enum members, CDK factory calls.</summary>
    internal static class CdkValues
    {
        /// <summary>
        /// The number of days a <c>Duration</c> stands for when it is <c>Duration.Days/Hours/Minutes/Seconds/Millis(n)</c> with a
        /// compile-time <c>n</c>, written directly or through a local or constant.
        /// </summary>
        public static bool TryGetDurationDays(IOperation? value, out double days, CancellationToken cancellationToken = default)
        {
            days = 0;
            if (!TryGetCdkCall(value, "Duration", out var call, cancellationToken) || call.Arguments.Length != 1
                || !TryGetNumber(call.Arguments[0].Value, out var amount, cancellationToken))
            {
                return false;
            }

            double perDay;
            switch (call.TargetMethod.Name)
            {
                case "Days":
                    perDay = 1;
                    break;
                case "Hours":
                    perDay = 24;
                    break;
                case "Minutes":
                    perDay = 24 * 60;
                    break;
                case "Seconds":
                    perDay = 24 * 60 * 60;
                    break;
                case "Millis":
                    perDay = 24 * 60 * 60 * 1000.0;
                    break;
                default:
                    return false;
            }

            days = amount / perDay;
            return true;
        }

        /// <summary>A compile-time number of any numeric type (CDK takes <c>double</c>; code writes <c>0</c>, <c>7</c>, <c>1.5</c>).</summary>
        public static bool TryGetNumber(IOperation? value, out double number, CancellationToken cancellationToken = default)
        {
            number = 0;
            if (!ValueResolver.TryResolveConstant(value, out var constant, out _, cancellationToken))
            {
                return false;
            }

            switch (constant)
            {
                case int i:
                    number = i;
                    return true;
                case long l:
                    number = l;
                    return true;
                case double d:
                    number = d;
                    return true;
                case float f:
                    number = f;
                    return true;
                case decimal m:
                    number = (double)m;
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>A static call of a CDK v2 type named <paramref name="typeName"/> (<c>Duration.Days(7)</c>), followed through locals.</summary>
        public static bool TryGetCdkCall(IOperation? value, string typeName, out IInvocationOperation call, CancellationToken cancellationToken = default)
        {
            call = null!;
            if (ValueResolver.Follow(value, cancellationToken) is IInvocationOperation { TargetMethod: { IsStatic: true } method } invocation
                && method.ContainingType?.Name == typeName
                && method.ContainingAssembly?.Name == CdkTypes.AssemblyName)
            {
                call = invocation;
                return true;
            }

            return false;
        }

        /// <summary>The name of the enum member a setting resolves to (<c>SubnetType.PUBLIC</c> → "PUBLIC").</summary>
        public static bool TryGetEnumMember(RequestModel model, string path, out string member, out PropertySetting setting, CancellationToken cancellationToken = default)
        {
            member = string.Empty;
            return model.TryGet(path, out setting) && ValueResolver.TryResolveEnumMember(setting.Value, out member, out _, cancellationToken);
        }
    }
}
