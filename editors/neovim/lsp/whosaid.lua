-- Default config for Neovim 0.11+ (`vim.lsp.enable("whosaid")`), found on the runtimepath.
-- require("whosaid").setup() overrides cmd, filetypes and settings through vim.lsp.config.
local whosaid = require("whosaid")

return whosaid.lsp_config(whosaid.defaults)
