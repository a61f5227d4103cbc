#!/usr/bin/env python3
"""Reads the assembly references of the analyzer DLLs inside a .nupkg (or of DLL paths) from their ECMA-335 metadata
and fails when one is newer than a Roslyn 4.5 host (Visual Studio 2022 17.5, .NET 7 SDK) can bind.

usage: check_references.py PACKAGE.nupkg | ASSEMBLY.dll...
"""
import struct
import sys
import zipfile

# The newest version of each referenced assembly that every host the README names provides.
LIMITS = [
    ("Microsoft.CodeAnalysis", (4, 5, 0, 0)),            # Microsoft.CodeAnalysis, .CSharp, .Workspaces, .CSharp.Workspaces
    ("System.Collections.Immutable", (6, 0, 0, 0)),
    ("System.Reflection.Metadata", (6, 0, 0, 0)),
    ("System.Composition", (6, 0, 0, 0)),                # System.Composition.*
]
ALLOWED_WITHOUT_LIMIT = {"netstandard", "DataLayerAnalyzers"}


def limit_for(name):
    for prefix, version in LIMITS:
        if name == prefix or name.startswith(prefix + "."):
            return version
    return None


def assembly_references(data):
    """(name, version) of every AssemblyRef row of a PE file's metadata."""
    pe = struct.unpack_from("<I", data, 0x3C)[0]
    if data[pe:pe + 4] != b"PE\0\0":
        raise ValueError("not a PE file")
    sections_count = struct.unpack_from("<H", data, pe + 6)[0]
    optional_size = struct.unpack_from("<H", data, pe + 20)[0]
    optional = pe + 24
    magic = struct.unpack_from("<H", data, optional)[0]
    directories = optional + (96 if magic == 0x10B else 112)
    cli_rva = struct.unpack_from("<I", data, directories + 14 * 8)[0]
    sections = []
    for i in range(sections_count):
        s = optional + optional_size + 40 * i
        virtual_size, virtual_address, raw_size, raw_pointer = struct.unpack_from("<IIII", data, s + 8)
        sections.append((virtual_address, max(virtual_size, raw_size), raw_pointer))

    def offset(rva):
        for address, size, pointer in sections:
            if address <= rva < address + size:
                return rva - address + pointer
        raise ValueError("RVA outside the sections")

    cli = offset(cli_rva)
    metadata_rva = struct.unpack_from("<I", data, cli + 8)[0]
    root = offset(metadata_rva)
    if data[root:root + 4] != b"BSJB":
        raise ValueError("no CLI metadata")
    version_length = struct.unpack_from("<I", data, root + 12)[0]
    p = root + 16 + version_length + 2
    streams_count = struct.unpack_from("<H", data, p)[0]
    p += 2
    streams = {}
    for _ in range(streams_count):
        stream_offset, size = struct.unpack_from("<II", data, p)
        p += 8
        end = data.index(b"\0", p)
        name = data[p:end].decode("ascii")
        p += ((end - p) // 4 + 1) * 4
        streams[name] = root + stream_offset
    tables = streams.get("#~", streams.get("#-"))
    strings = streams["#Strings"]
    heap_sizes = data[tables + 6]
    valid = struct.unpack_from("<Q", data, tables + 8)[0]
    rows = [0] * 64
    p = tables + 24
    for t in range(64):
        if valid >> t & 1:
            rows[t] = struct.unpack_from("<I", data, p)[0]
            p += 4
    string_index = 4 if heap_sizes & 1 else 2
    guid_index = 4 if heap_sizes & 2 else 2
    blob_index = 4 if heap_sizes & 4 else 2

    def table_index(t):
        return 4 if rows[t] > 0xFFFF else 2

    def coded(tag_bits, *ts):
        return 4 if max(rows[t] for t in ts) >= (1 << (16 - tag_bits)) else 2

    type_def_or_ref = coded(2, 0x02, 0x01, 0x1B)
    has_constant = coded(2, 0x04, 0x08, 0x17)
    has_custom_attribute = coded(5, *[0x06, 0x04, 0x01, 0x02, 0x08, 0x09, 0x0A, 0x00, 0x0E, 0x17, 0x14, 0x11, 0x1A, 0x1B, 0x20, 0x23, 0x26, 0x27, 0x28, 0x2A, 0x2C, 0x2B])
    has_field_marshal = coded(1, 0x04, 0x08)
    has_decl_security = coded(2, 0x02, 0x06, 0x20)
    member_ref_parent = coded(3, 0x02, 0x01, 0x1A, 0x06, 0x1B)
    has_semantics = coded(1, 0x14, 0x17)
    method_def_or_ref = coded(1, 0x06, 0x0A)
    member_forwarded = coded(1, 0x04, 0x06)
    custom_attribute_type = coded(3, 0x06, 0x0A)
    s, g, b = string_index, guid_index, blob_index
    row_sizes = {
        0x00: 2 + s + g * 3,                                  # Module
        0x01: coded(2, 0x00, 0x1A, 0x23, 0x01) + s * 2,        # TypeRef
        0x02: 4 + s * 2 + type_def_or_ref + table_index(0x04) + table_index(0x06),  # TypeDef
        0x03: table_index(0x04),                              # FieldPtr
        0x04: 2 + s + b,                                      # Field
        0x05: table_index(0x06),                              # MethodPtr
        0x06: 4 + 2 + 2 + s + b + table_index(0x08),          # MethodDef
        0x07: table_index(0x08),                              # ParamPtr
        0x08: 2 + 2 + s,                                      # Param
        0x09: table_index(0x02) + type_def_or_ref,            # InterfaceImpl
        0x0A: member_ref_parent + s + b,                      # MemberRef
        0x0B: 2 + has_constant + b,                           # Constant
        0x0C: has_custom_attribute + custom_attribute_type + b,  # CustomAttribute
        0x0D: has_field_marshal + b,                          # FieldMarshal
        0x0E: 2 + has_decl_security + b,                      # DeclSecurity
        0x0F: 2 + 4 + table_index(0x02),                      # ClassLayout
        0x10: 4 + table_index(0x04),                          # FieldLayout
        0x11: b,                                              # StandAloneSig
        0x12: table_index(0x02) + table_index(0x14),          # EventMap
        0x13: table_index(0x14),                              # EventPtr
        0x14: 2 + s + type_def_or_ref,                        # Event
        0x15: table_index(0x02) + table_index(0x17),          # PropertyMap
        0x16: table_index(0x17),                              # PropertyPtr
        0x17: 2 + s + b,                                      # Property
        0x18: 2 + table_index(0x06) + has_semantics,          # MethodSemantics
        0x19: table_index(0x02) + method_def_or_ref * 2,      # MethodImpl
        0x1A: s,                                              # ModuleRef
        0x1B: b,                                              # TypeSpec
        0x1C: 2 + member_forwarded + s + table_index(0x1A),   # ImplMap
        0x1D: 4 + table_index(0x04),                          # FieldRVA
        0x1E: 8,                                              # EncLog
        0x1F: 4,                                              # EncMap
        0x20: 4 + 8 + 4 + b + s * 2,                          # Assembly
        0x21: 4,                                              # AssemblyProcessor
        0x22: 12,                                             # AssemblyOS
    }
    p += sum(rows[t] * row_sizes[t] for t in range(0x23))

    def read_index(at, size):
        return struct.unpack_from("<I" if size == 4 else "<H", data, at)[0]

    def read_string(index):
        start = strings + index
        return data[start:data.index(b"\0", start)].decode("utf-8")

    result = []
    assembly_ref_size = 8 + 4 + b + s * 2 + b
    for r in range(rows[0x23]):
        at = p + r * assembly_ref_size
        version = struct.unpack_from("<HHHH", data, at)
        name = read_string(read_index(at + 12 + b, s))
        result.append((name, version))
    return result


def main(paths):
    assemblies = []
    for path in paths:
        if path.endswith(".nupkg"):
            with zipfile.ZipFile(path) as package:
                for entry in package.namelist():
                    if entry.startswith("analyzers/") and entry.endswith(".dll"):
                        assemblies.append((path + "!" + entry, package.read(entry)))
        else:
            with open(path, "rb") as f:
                assemblies.append((path, f.read()))
    if not assemblies:
        print("no analyzer assemblies found in " + " ".join(paths))
        return 1
    problems = []
    for label, data in assemblies:
        print(label)
        for name, version in assembly_references(data):
            text = ".".join(map(str, version))
            limit = limit_for(name)
            if limit is None and name not in ALLOWED_WITHOUT_LIMIT:
                verdict = "UNKNOWN to the hosts' list"
                problems.append(f"{label}: {name} {text} is not an assembly every Roslyn 4.5 host provides")
            elif limit is not None and version > limit:
                verdict = "TOO NEW (max " + ".".join(map(str, limit)) + ")"
                problems.append(f"{label}: {name} {text} is newer than {'.'.join(map(str, limit))}")
            else:
                verdict = "ok"
            print(f"    {name} {text}: {verdict}")
    if problems:
        print("PROBLEMS:\n" + "\n".join(problems))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
