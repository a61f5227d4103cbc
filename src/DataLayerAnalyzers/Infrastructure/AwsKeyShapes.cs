using System;

namespace DataLayerAnalyzers.Infrastructure
{
    /// <summary>The shapes of AWS access keys, and the example keys AWS documents (never findings).</summary>
    internal static class AwsKeyShapes
    {
        public const string DocumentedExampleAccessKeyId = "AKIAIOSFODNN7EXAMPLE";
        public const string DocumentedExampleSecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

        /// <summary>An access key ID: AKIA (long-term) or ASIA (temporary) and 16 more upper-case letters or digits.</summary>
        public static bool IsAccessKeyId(string value)
        {
            if (value.Length != 20 || !(value.StartsWith("AKIA", StringComparison.Ordinal) || value.StartsWith("ASIA", StringComparison.Ordinal))
                || value == DocumentedExampleAccessKeyId)
            {
                return false;
            }

            foreach (var c in value)
            {
                if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// A secret access key: 40 characters of the base64 alphabet, mixing cases and digits (so a word or a hex digest does
        /// not pass), and not AWS's documented example.
        /// </summary>
        public static bool IsSecretAccessKey(string value)
        {
            if (value.Length != 40 || value == DocumentedExampleSecretKey)
            {
                return false;
            }

            bool upper = false, lower = false, digit = false;
            foreach (var c in value)
            {
                if (c >= 'A' && c <= 'Z')
                {
                    upper = true;
                }
                else if (c >= 'a' && c <= 'z')
                {
                    lower = true;
                }
                else if (c >= '0' && c <= '9')
                {
                    digit = true;
                }
                else if (c != '/' && c != '+')
                {
                    return false;
                }
            }

            return upper && lower && digit;
        }
    }
}
