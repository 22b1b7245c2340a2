@echo off
rem Mine Risk @@VERSION@@: install the game from this offline kit. No network is used.
rem Double-click this file. It runs install-windows.ps1 (beside it) with PowerShell.
powershell -NoProfile -ExecutionPolicy Bypass -File "%~dp0install-windows.ps1"
echo.
pause
