-- Starts whosaid with default settings unless the user already called
-- require("whosaid").setup({...}) or opted out with vim.g.whosaid_manual = true.
if vim.g.loaded_whosaid then
  return
end
vim.g.loaded_whosaid = true

if not vim.g.whosaid_manual then
  vim.schedule(function()
    local whosaid = require("whosaid")
    if not whosaid.configured then
      whosaid.setup()
    end
  end)
end
