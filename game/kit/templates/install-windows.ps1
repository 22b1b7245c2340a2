# Mine Risk @@VERSION@@: install the game from this offline kit. No network is used.
#
# Started by install-windows.bat. Makes a Python environment in
# %LOCALAPPDATA%\Programs\MineRisk (or $env:MINERISK_INSTALL_DIR), installs the
# game from the kit's wheels folder only, and adds "Mine Risk" to the Start menu
# and the desktop. Running it again replaces the program; students' saved games
# are kept (they live in %LOCALAPPDATA%\minerisk). To remove the game: delete
# the program folder and the two "Mine Risk" shortcuts.

$Kit = Split-Path -Parent $MyInvocation.MyCommand.Path
$Wheels = Join-Path $Kit 'wheels'
$Supported = @(@@PYTHONS_PS@@)
$Dest = $env:MINERISK_INSTALL_DIR
if (-not $Dest) { $Dest = Join-Path $env:LOCALAPPDATA 'Programs\MineRisk' }
$Venv = Join-Path $Dest 'venv'

function Fail([string]$Why) {
    Write-Host ''
    Write-Host "Mine Risk was NOT installed: $Why" -ForegroundColor Red
    exit 1
}

# Find a supported Python: the py launcher of the python.org installer first, then python on the PATH.
$Tries = @()
if ($env:MINERISK_PYTHON) { $Tries += ,@($env:MINERISK_PYTHON) }
foreach ($v in $Supported) { $Tries += ,@('py', "-$v") }
$Tries += ,@('python')
$Python = $null
foreach ($try in $Tries) {
    $exe = $try[0]
    $pre = @($try | Select-Object -Skip 1)
    if (-not (Get-Command $exe -ErrorAction SilentlyContinue)) { continue }
    try {
        $out = @(& $exe @pre -c "import sys; print('%d.%d' % sys.version_info[:2]); print(sys.executable)" 2>$null)
    } catch { continue }
    if ($LASTEXITCODE -ne 0 -or $out.Count -lt 2) { continue }
    if ($Supported -contains $out[0].Trim()) { $Python = $out[1].Trim(); break }
}
if (-not $Python) {
    Fail ("this kit needs Python " + ($Supported -join ', ') + " and none was found. Install Python from the " +
          "python.org installer (it can be copied to the stick too), or use the no-python build if the kit " +
          "has one (see teachers-guide.txt).")
}
if (-not (Test-Path $Wheels)) { Fail 'no wheels folder beside this script; copy the whole kit folder.' }

Write-Host "Installing Mine Risk @@VERSION@@ with Python $Python into $Dest ..."
if (Test-Path $Venv) { Remove-Item -Recurse -Force $Venv -ErrorAction SilentlyContinue }
if (Test-Path $Venv) { Fail "the old program in $Venv could not be removed; close Mine Risk and try again." }
New-Item -ItemType Directory -Force -Path $Dest | Out-Null
& $Python -m venv --without-pip $Venv
if ($LASTEXITCODE -ne 0) { Fail "Python could not make an environment in $Venv." }
$VenvPython = Join-Path $Venv 'Scripts\python.exe'
# pip itself comes from the kit: run pip from its wheel to install pip and the game into the environment.
$PipInWheel = Join-Path (Join-Path $Wheels '@@PIP_WHEEL@@') 'pip'
& $VenvPython $PipInWheel install --isolated --no-index --find-links $Wheels --disable-pip-version-check `
    --no-warn-script-location --quiet pip minerisk
if ($LASTEXITCODE -ne 0) {
    Fail 'pip could not install from the kit. The kit may lack packages for this computer: run  py check-kit.py  to see what it covers.'
}
& $VenvPython -m game --version | Out-Null
if ($LASTEXITCODE -ne 0) { Fail 'the game was installed but does not start; see the messages above.' }

# Shortcuts: pythonw starts the game without a console window.
$Pythonw = Join-Path $Venv 'Scripts\pythonw.exe'
$Icon = Join-Path $Dest 'minerisk.ico'
Copy-Item -Force (Join-Path $Kit 'minerisk.ico') $Icon -ErrorAction SilentlyContinue
$Folders = @([Environment]::GetFolderPath('Programs'), [Environment]::GetFolderPath('Desktop'))
foreach ($folder in $Folders) {
    if (-not $folder -or -not (Test-Path $folder)) { continue }
    try {
        $shell = New-Object -ComObject WScript.Shell
        $link = $shell.CreateShortcut((Join-Path $folder 'Mine Risk.lnk'))
        $link.TargetPath = $Pythonw
        $link.Arguments = '-m game'
        $link.WorkingDirectory = $Dest
        $link.Description = 'Mine Risk: a game about humanitarian mine action'
        if (Test-Path $Icon) { $link.IconLocation = "$Icon,0" }
        $link.Save()
        Write-Host "Added a shortcut: $(Join-Path $folder 'Mine Risk.lnk')"
    } catch {
        # No shortcut service (a locked-down machine): a small batch file does the same.
        $bat = Join-Path $folder 'Mine Risk.bat'
        Set-Content -Path $bat -Encoding ASCII -Value "@start `"`" `"$Pythonw`" -m game"
        Write-Host "Added a starter: $bat"
    }
}
Write-Host ''
Write-Host 'Mine Risk is installed. Start it from the Start menu or the desktop.'
exit 0
