using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DataLayerAnalyzers.Infrastructure.ConnectionStrings
{
    /// <summary>What the value assigned to a typed builder property amounts to.</summary>
    internal static class TypedSettingValues
    {
        /// <summary>SslMode enum members, Encrypt as bool or SqlConnectionEncryptOption, Redis Ssl.</summary>
        public static TransportSecurity ReadTransport(TypedSetting setting, CancellationToken cancellationToken)
        {
            var value = ValueResolver.Unwrap(setting.Value);
            switch (setting.Setting)
            {
                case ConnectionSetting.SslMode:
                    return ValueResolver.TryResolveEnumMember(value, out var member, out _, cancellationToken)
                        ? ProviderKeywords.ReadTransportSecurity(setting.Provider, ConnectionSetting.SslMode, member)
                        : TransportSecurity.Unknown;

                case ConnectionSetting.Encrypt:
                    if (value is IPropertyReferenceOperation { Property: { IsStatic: true } option } && option.ContainingType.Name == "SqlConnectionEncryptOption")
                    {
                        return ProviderKeywords.ReadTransportSecurity(setting.Provider, ConnectionSetting.Encrypt, option.Name);
                    }

                    return ReadBool(setting, cancellationToken) switch
                    {
                        true => TransportSecurity.Verified,
                        false => TransportSecurity.Plaintext,
                        _ => TransportSecurity.Unknown,
                    };

                case ConnectionSetting.RedisSsl:
                    return ReadBool(setting, cancellationToken) switch
                    {
                        true => TransportSecurity.Verified,
                        false => TransportSecurity.Plaintext,
                        _ => TransportSecurity.Unknown,
                    };

                default:
                    return TransportSecurity.Unknown;
            }
        }

        public static bool? ReadBool(TypedSetting setting, CancellationToken cancellationToken)
        {
            return ValueResolver.TryResolveBool(setting.Value, out var value, out _, cancellationToken) ? value : (bool?)null;
        }

        /// <summary>The member a fix assigns for a verifying mode: VerifyFull, SqlConnectionEncryptOption.Mandatory or true.</summary>
        public static string VerifyingMember(TypedSetting setting)
        {
            if (setting.Setting == ConnectionSetting.SslMode)
            {
                return "VerifyFull";
            }

            return setting.Property.Type.Name == "SqlConnectionEncryptOption" ? "Mandatory" : "true";
        }

        /// <summary>How a message shows the assignment: <c>SslMode = SslMode.Disable</c> (code, never a secret).</summary>
        public static string Describe(TypedSetting setting)
        {
            return setting.Property.Name + " = " + setting.Value.Syntax.ToString();
        }
    }
}
