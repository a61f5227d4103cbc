#!/usr/bin/env bash
# Builds a tiny project against the packed package once per <DataLayerAnalysisMode> and checks which DLA warnings the
# build prints. usage: check_presets.sh PACKAGE.nupkg
# The package is copied under a unique prerelease version into a temporary local source, so the restore takes this
# build's package and never a copy NuGet cached earlier; the other packages come from the machine's configured source.
set -uo pipefail

nupkg="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
work="$(mktemp -d)"
version="0.0.0-presets.$(date +%s).$$"
cleanup() {
  rm -rf "$work" "${NUGET_PACKAGES:-$HOME/.nuget/packages}/datalayeranalyzers/$version"
}
trap cleanup EXIT

mkdir -p "$work/feed" "$work/app"
python3 - "$nupkg" "$work/feed/DataLayerAnalyzers.$version.nupkg" "$version" <<'PY'
import re, sys, zipfile
source, target, version = sys.argv[1:]
with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
    for item in src.infolist():
        data = src.read(item.filename)
        if item.filename.endswith(".nuspec"):
            data = re.sub(rb"<version>[^<]*</version>", b"<version>" + version.encode() + b"</version>", data, count=1)
        dst.writestr(item, data)
PY

cat >"$work/app/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="presets-check" value="$work/feed" />
  </packageSources>
</configuration>
XML

cat >"$work/app/PresetsCheck.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net$(dotnet --version | cut -d. -f1).0</TargetFramework>
    <Nullable>enable</Nullable>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="DataLayerAnalyzers" Version="$version" PrivateAssets="all" />
    <PackageReference Include="AWSSDK.DynamoDBv2" Version="4.0.109.3" />
    <PackageReference Include="Npgsql" Version="10.0.0" />
  </ItemGroup>
</Project>
XML

cat >"$work/app/Repository.cs" <<'CS'
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Npgsql;

public class Repository
{
    private readonly IAmazonDynamoDB _client;

    public Repository(IAmazonDynamoDB client) => _client = client;

    // DLA2002 (warning by default)
    public NpgsqlConnection Connection() => new NpgsqlConnection("Host=ledger.rds.amazonaws.com;Username=app;Password=Sup3rSecret!");

    // DLA1002 (informational by default)
    public async Task<int> CountAsync()
    {
        var count = 0;
        await foreach (var page in _client.Paginators.Scan(new ScanRequest { TableName = "Devices" }).Responses)
        {
            count += page.Items.Count;
        }

        return count;
    }

    // DLA3007 (off by default)
    public Task CreateAsync() => _client.CreateTableAsync(new CreateTableRequest { TableName = "Orders", BillingMode = BillingMode.PAY_PER_REQUEST });
}
CS

# DLA2003 (warning by default), in a configuration file: only global config files reach it.
cat >"$work/app/appsettings.json" <<'JSON'
{ "ConnectionStrings": { "Ledger": "Host=ledger.rds.amazonaws.com;Username=app;Password=Sup3rSecret!" } }
JSON

cd "$work/app"
echo "restore:"
dotnet restore >restore.log 2>&1 || { cat restore.log; exit 1; }

status=0
build() { # name, extra args...
  local name="$1"
  shift
  dotnet build --no-restore --no-incremental -nologo "$@" >"build-$name.log" 2>&1 || { echo "build $name failed"; tail -n 30 "build-$name.log"; status=1; }
  grep -oE 'warning DLA[0-9]{4}' "build-$name.log" | sed 's/warning //' | sort -u | tr '\n' ' '
}

expect() { # name, warnings, present..., -- absent...
  local name="$1" warnings="$2" mode=present problems=""
  shift 2
  for id in "$@"; do
    if [ "$id" = "--" ]; then mode=absent; continue; fi
    case " $warnings " in
      *" $id "*) [ "$mode" = absent ] && problems+=" $id reported" ;;
      *) [ "$mode" = present ] && problems+=" $id missing" ;;
    esac
  done
  if [ -n "$problems" ]; then
    echo "FAILED $name: warnings [${warnings}] -$problems"
    status=1
  else
    echo "ok $name: ${warnings:-no DLA warnings}"
  fi
}

expect Default "$(build default)" DLA2002 DLA2003 -- DLA1002 DLA3007
expect Recommended "$(build recommended -p:DataLayerAnalysisMode=Recommended)" DLA2002 DLA2003 DLA1002 -- DLA3007
expect All "$(build all -p:DataLayerAnalysisMode=All)" DLA2002 DLA2003 DLA1002 DLA3007
expect None "$(build none -p:DataLayerAnalysisMode=None)" -- DLA2002 DLA2003 DLA1002 DLA3007

# .editorconfig entries win over the preset for C# files; a project's .globalconfig wins for configuration files.
printf 'root = true\n\n[*.cs]\ndotnet_diagnostic.DLA1002.severity = none\ndotnet_diagnostic.DLA2002.severity = none\n' >.editorconfig
printf 'is_global = true\ndotnet_diagnostic.DLA2003.severity = none\n' >.globalconfig
expect "All with .editorconfig/.globalconfig overrides" "$(build overrides -p:DataLayerAnalysisMode=All)" DLA3007 -- DLA1002 DLA2002 DLA2003
exit $status
