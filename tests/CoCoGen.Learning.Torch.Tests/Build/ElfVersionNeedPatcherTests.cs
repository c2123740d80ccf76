using System.Buffers.Binary;
using System.Text;
using CoCoGen.Learning.Torch.Build;

namespace CoCoGen.Learning.Torch.Tests.Build;

public sealed class ElfVersionNeedPatcherTests
{
    private static readonly string PackageLibrary = Path.Combine(
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
        "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");

    [Fact]
    public void Hand_built_image_gets_only_the_named_need_marked_weak()
    {
        byte[] image = HandBuiltElf(("libstdc++.so.6", ["GLIBCXX_3.4.21", "GLIBCXX_3.4.32"]), ("libc.so.6", ["GLIBC_2.14"]));
        byte[] original = (byte[])image.Clone();

        Assert.Equal(ElfVersionNeeds.Outcome.Patched, ElfVersionNeeds.MarkWeak(image, "GLIBCXX_3.4.32"));

        Assert.Equal(
            [("libstdc++.so.6", "GLIBCXX_3.4.21", false), ("libstdc++.so.6", "GLIBCXX_3.4.32", true), ("libc.so.6", "GLIBC_2.14", false)],
            ElfVersionNeeds.List(image));
        int changed = Enumerable.Range(0, image.Length).Count(i => image[i] != original[i]);
        Assert.Equal(1, changed); // one byte of one vna_flags field, nothing else
    }

    [Fact]
    public void Second_patch_changes_nothing_and_absent_versions_are_reported()
    {
        byte[] image = HandBuiltElf(("libstdc++.so.6", ["GLIBCXX_3.4.32"]));
        Assert.Equal(ElfVersionNeeds.Outcome.Patched, ElfVersionNeeds.MarkWeak(image, "GLIBCXX_3.4.32"));
        byte[] once = (byte[])image.Clone();

        Assert.Equal(ElfVersionNeeds.Outcome.AlreadyWeak, ElfVersionNeeds.MarkWeak(image, "GLIBCXX_3.4.32"));
        Assert.Equal(once, image);
        Assert.Equal(ElfVersionNeeds.Outcome.NotNeeded, ElfVersionNeeds.MarkWeak(image, "GLIBCXX_3.4.33"));
        Assert.Equal(once, image);
    }

    [Fact]
    public void Non_elf_and_truncated_images_are_refused_unchanged()
    {
        byte[] text = Encoding.ASCII.GetBytes("not an ELF file at all, just some text that is long enough to have a header");
        Assert.Equal(ElfVersionNeeds.Outcome.Unsupported, ElfVersionNeeds.MarkWeak(text, "GLIBCXX_3.4.32"));

        byte[] truncated = HandBuiltElf(("libstdc++.so.6", ["GLIBCXX_3.4.32"]))[..100];
        Assert.Equal(ElfVersionNeeds.Outcome.Unsupported, ElfVersionNeeds.MarkWeak(truncated, "GLIBCXX_3.4.32"));
    }

    [Fact]
    public void Defines_matches_whole_version_strings_only()
    {
        byte[] library = Encoding.ASCII.GetBytes("\0GLIBCXX_3.4.30\0XGLIBCXX_3.4.32\0");
        Assert.True(ElfVersionNeeds.Defines(library, "GLIBCXX_3.4.30"));
        Assert.False(ElfVersionNeeds.Defines(library, "GLIBCXX_3.4.32"));
        Assert.False(ElfVersionNeeds.Defines(library, "GLIBCXX_3.4.3"));
    }

    [Fact]
    public void TorchSharp_package_library_needs_the_version_strongly_and_the_build_output_copy_is_patched_only_if_the_system_lacks_it()
    {
        Assert.True(File.Exists(PackageLibrary), $"TorchSharp 0.107.0 is not restored: {PackageLibrary} is missing (run scripts/setup.sh)");
        var packageNeeds = ElfVersionNeeds.List(File.ReadAllBytes(PackageLibrary));
        Assert.Contains(("libstdc++.so.6", "GLIBCXX_3.4.32", false), packageNeeds);

        string output = Path.Combine(AppContext.BaseDirectory, "libLibTorchSharp.so");
        Assert.True(File.Exists(output), $"{output} is missing: the build did not copy TorchSharp's natives");
        var outputNeeds = ElfVersionNeeds.List(File.ReadAllBytes(output));
        bool systemHasIt = ElfVersionNeeds.Defines(File.ReadAllBytes(SystemLibstdcxx()), "GLIBCXX_3.4.32");
        Assert.Contains(("libstdc++.so.6", "GLIBCXX_3.4.32", !systemHasIt), outputNeeds);
        // Every other need is as the package built it.
        Assert.Equal(packageNeeds.Where(n => n.Version != "GLIBCXX_3.4.32"), outputNeeds.Where(n => n.Version != "GLIBCXX_3.4.32"));
    }

    private static string SystemLibstdcxx()
        => new[] { "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib64/libstdc++.so.6", "/lib64/libstdc++.so.6" }
            .FirstOrDefault(File.Exists) ?? throw new InvalidOperationException("no system libstdc++.so.6 found in the usual places");

    // A minimal ELF64 image: header, a .dynstr and a .gnu.version_r section, and their section headers.
    private static byte[] HandBuiltElf(params (string File, string[] Versions)[] needs)
    {
        var strings = new List<byte> { 0 };
        int AddString(string s)
        {
            int at = strings.Count;
            strings.AddRange(Encoding.ASCII.GetBytes(s));
            strings.Add(0);
            return at;
        }

        var verneed = new List<byte>();
        for (int n = 0; n < needs.Length; n++)
        {
            int entryStart = verneed.Count;
            var entry = new byte[16];
            BinaryPrimitives.WriteUInt16LittleEndian(entry.AsSpan(0), 1);
            BinaryPrimitives.WriteUInt16LittleEndian(entry.AsSpan(2), (ushort)needs[n].Versions.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(entry.AsSpan(4), (uint)AddString(needs[n].File));
            BinaryPrimitives.WriteUInt32LittleEndian(entry.AsSpan(8), 16);
            int size = 16 + (16 * needs[n].Versions.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(entry.AsSpan(12), n == needs.Length - 1 ? 0u : (uint)size);
            verneed.AddRange(entry);
            for (int v = 0; v < needs[n].Versions.Length; v++)
            {
                var aux = new byte[16];
                BinaryPrimitives.WriteUInt32LittleEndian(aux.AsSpan(0), 0x0abc0000u + (uint)v);
                BinaryPrimitives.WriteUInt16LittleEndian(aux.AsSpan(6), (ushort)(v + 2));
                BinaryPrimitives.WriteUInt32LittleEndian(aux.AsSpan(8), (uint)AddString(needs[n].Versions[v]));
                BinaryPrimitives.WriteUInt32LittleEndian(aux.AsSpan(12), v == needs[n].Versions.Length - 1 ? 0u : 16u);
                verneed.AddRange(aux);
            }

            Assert.Equal(entryStart + size, verneed.Count);
        }

        int stringsOffset = 64;
        int verneedOffset = stringsOffset + strings.Count;
        int sectionTable = (verneedOffset + verneed.Count + 7) / 8 * 8;
        var image = new byte[sectionTable + (3 * 64)];
        "\u007fELF"u8.CopyTo(image);
        image[4] = 2; // ELFCLASS64
        image[5] = 1; // little-endian
        image[6] = 1;
        BinaryPrimitives.WriteUInt64LittleEndian(image.AsSpan(0x28), (ulong)sectionTable);
        BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(0x3a), 64);
        BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(0x3c), 3);
        strings.CopyTo(image, stringsOffset);
        verneed.CopyTo(image, verneedOffset);

        Span<byte> dynstr = image.AsSpan(sectionTable + 64, 64);
        BinaryPrimitives.WriteUInt32LittleEndian(dynstr[4..], 3); // SHT_STRTAB
        BinaryPrimitives.WriteUInt64LittleEndian(dynstr[0x18..], (ulong)stringsOffset);
        BinaryPrimitives.WriteUInt64LittleEndian(dynstr[0x20..], (ulong)strings.Count);
        Span<byte> versions = image.AsSpan(sectionTable + 128, 64);
        BinaryPrimitives.WriteUInt32LittleEndian(versions[4..], 0x6ffffffe); // SHT_GNU_verneed
        BinaryPrimitives.WriteUInt64LittleEndian(versions[0x18..], (ulong)verneedOffset);
        BinaryPrimitives.WriteUInt64LittleEndian(versions[0x20..], (ulong)verneed.Count);
        BinaryPrimitives.WriteUInt32LittleEndian(versions[0x28..], 1); // sh_link: .dynstr
        BinaryPrimitives.WriteUInt32LittleEndian(versions[0x2c..], (uint)needs.Length); // sh_info: entries
        return image;
    }
}
