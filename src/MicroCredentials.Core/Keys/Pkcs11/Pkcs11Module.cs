using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace MicroCredentials.Keys.Pkcs11;

/// <summary>
/// One token of a PKCS#11 hardware security module, logged in as the user: a pool of sessions (one per signing thread,
/// at most <see cref="CoreLimits.MaxPkcs11Sessions"/>), a fresh login when the module answers
/// <c>CKR_USER_NOT_LOGGED_IN</c>, and key look-up by label. Safe to share between threads; the keys made from it
/// (<see cref="Pkcs11Ed25519Key"/>, <see cref="Pkcs11ECDsa"/>, <see cref="Pkcs11Rsa"/>) sign through it.
/// </summary>
public sealed partial class Pkcs11Module : IDisposable
{
    private static readonly Pkcs11InteropFactories Factories = new();
    // A library is initialised once per process (C_Initialize) and finalised when its last user closes it.
    private static readonly Dictionary<string, (IPkcs11Library Library, int Users)> Loaded = new(StringComparer.Ordinal);
    private static readonly Lock LoadedLock = new();
    private readonly string libraryPath;
    private readonly IPkcs11Library library;
    private readonly ISlot slot;
    private readonly string pin;
    private readonly ConcurrentBag<ISession> idle = [];
    private readonly SemaphoreSlim available = new(CoreLimits.MaxPkcs11Sessions, CoreLimits.MaxPkcs11Sessions);
    private readonly ConcurrentBag<ISession> all = [];
    private readonly Lock loginLock = new();
    private int disposed;

    static Pkcs11Module()
    {
        // Pkcs11Interop 5 loads modules through dlopen from "libdl"; glibc 2.34+ ships only libdl.so.2 (the bare name
        // comes with the -dev package), so point the name at it.
        NativeLibrary.SetDllImportResolver(typeof(IPkcs11Library).Assembly, (name, assembly, path) =>
            name == "libdl" && OperatingSystem.IsLinux() && NativeLibrary.TryLoad("libdl.so.2", assembly, path, out var handle) ? handle : IntPtr.Zero);
    }

    private Pkcs11Module(string libraryPath, IPkcs11Library library, ISlot slot, string pin, string description)
    {
        this.libraryPath = libraryPath;
        this.library = library;
        this.slot = slot;
        this.pin = pin;
        Description = description;
    }

    /// <summary>What the module and token are (library path and token label), for logs and the staff pages; no secret.</summary>
    public string Description { get; }

    /// <summary>
    /// Loads the library, finds the token and logs in. Each problem gives a message naming the setting to fix.
    /// </summary>
    /// <exception cref="KeyModuleException">The library, token or PIN is wrong.</exception>
    public static Pkcs11Module Open(Pkcs11Options options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = options.ModulePath;
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path))
        {
            throw new KeyModuleException($"{Pkcs11Options.Setting(nameof(options.ModulePath))}: the PKCS#11 library '{path}' does not exist (for SoftHSM 2: /usr/lib/softhsm/libsofthsm2.so).");
        }

        if (string.IsNullOrEmpty(options.Pin))
        {
            throw new KeyModuleException($"{Pkcs11Options.Setting(nameof(options.Pin))} is not set: give the token's user PIN (environment variable Issuer__Pkcs11__Pin).");
        }

        path = Path.GetFullPath(path);
        var library = Acquire(path);
        try
        {
            var slot = FindSlot(library, options);
            var module = new Pkcs11Module(path, library, slot, options.Pin, $"{path}, token '{slot.GetTokenInfo().Label.Trim()}'");
            module.Return(module.OpenLoggedIn());
            return module;
        }
        catch
        {
            Release(path);
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="operation"/> on a pooled session (waiting while all <see cref="CoreLimits.MaxPkcs11Sessions"/>
    /// are busy); logs in again and retries once when the module says the user is not logged in (after a token reset).
    /// </summary>
    internal T WithSession<T>(Func<ISession, T> operation)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        available.Wait();
        var session = idle.TryTake(out var pooled) ? pooled : null;
        try
        {
            session ??= OpenLoggedIn();
            try
            {
                return operation(session);
            }
            catch (Pkcs11Exception e) when (e.RV == CKR.CKR_USER_NOT_LOGGED_IN)
            {
                Login(session);
                return operation(session);
            }
        }
        catch (Pkcs11Exception e) when (e.RV is CKR.CKR_SESSION_HANDLE_INVALID or CKR.CKR_SESSION_CLOSED or CKR.CKR_DEVICE_REMOVED or CKR.CKR_TOKEN_NOT_PRESENT)
        {
            // The session is gone (token removed or reset): drop it so the next caller opens a fresh one.
            session = null;
            throw new KeyModuleException($"The hardware module ({Description}) closed the session: {e.RV}. Check the token.", e);
        }
        finally
        {
            if (session is not null)
            {
                Return(session);
            }

            available.Release();
        }
    }

    /// <summary>Closes every session and unloads the library (the module logs the user out).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        foreach (var session in all)
        {
            session.Dispose();
        }

        Release(libraryPath);
        available.Dispose();
    }

    private static IPkcs11Library Acquire(string path)
    {
        lock (LoadedLock)
        {
            if (Loaded.TryGetValue(path, out var loaded))
            {
                Loaded[path] = (loaded.Library, loaded.Users + 1);
                return loaded.Library;
            }

            try
            {
                var library = Factories.Pkcs11LibraryFactory.LoadPkcs11Library(Factories, path, AppType.MultiThreaded);
                Loaded[path] = (library, 1);
                return library;
            }
            catch (Exception e) when (e is Pkcs11Exception or UnmanagedException or DllNotFoundException or BadImageFormatException)
            {
                throw new KeyModuleException($"{Pkcs11Options.Setting(nameof(Pkcs11Options.ModulePath))}: '{path}' does not load as a PKCS#11 library: {e.Message}", e);
            }
        }
    }

    private static void Release(string path)
    {
        lock (LoadedLock)
        {
            var (library, users) = Loaded[path];
            if (users > 1)
            {
                Loaded[path] = (library, users - 1);
                return;
            }

            Loaded.Remove(path);
            library.Dispose();
        }
    }

    private static ISlot FindSlot(IPkcs11Library library, Pkcs11Options options)
    {
        var slots = library.GetSlotList(SlotsType.WithTokenPresent);
        if (!string.IsNullOrWhiteSpace(options.TokenLabel))
        {
            return slots.FirstOrDefault(s => s.GetTokenInfo().Label.Trim() == options.TokenLabel.Trim())
                ?? throw new KeyModuleException($"{Pkcs11Options.Setting(nameof(options.TokenLabel))}: no token labelled '{options.TokenLabel}' in {options.ModulePath} (tokens: {string.Join(", ", slots.Select(s => "'" + s.GetTokenInfo().Label.Trim() + "'"))}).");
        }

        if (options.Slot is { } id)
        {
            return slots.FirstOrDefault(s => s.SlotId == id)
                ?? throw new KeyModuleException($"{Pkcs11Options.Setting(nameof(options.Slot))}: no token in slot {id} of {options.ModulePath}.");
        }

        throw new KeyModuleException($"{Pkcs11Options.Setting(nameof(options.TokenLabel))} (or {Pkcs11Options.Setting(nameof(options.Slot))}) is not set: name the token that holds the keys.");
    }

    private ISession OpenLoggedIn()
    {
        var session = slot.OpenSession(SessionType.ReadWrite);
        all.Add(session);
        Login(session);
        return session;
    }

    // Login is per token, not per session: once one session is logged in, all are, and a second login says so.
    private void Login(ISession session)
    {
        lock (loginLock)
        {
            try
            {
                session.Login(CKU.CKU_USER, pin);
            }
            catch (Pkcs11Exception e) when (e.RV == CKR.CKR_USER_ALREADY_LOGGED_IN)
            {
            }
            catch (Pkcs11Exception e) when (e.RV is CKR.CKR_PIN_INCORRECT or CKR.CKR_PIN_LEN_RANGE or CKR.CKR_PIN_INVALID or CKR.CKR_PIN_LOCKED or CKR.CKR_PIN_EXPIRED)
            {
                throw new KeyModuleException($"{Pkcs11Options.Setting(nameof(Pkcs11Options.Pin))}: the module ({Description}) refused the user PIN ({e.RV}).", e);
            }
        }
    }

    private void Return(ISession session) => idle.Add(session);
}
