-- What the headless Neovim tests share: one line per check, then stop the clients and quit
-- with the verdict (exit 0 only when every check held).
local M = { failures = 0 }

function M.log(msg)
  io.stdout:write(msg .. "\n")
end

function M.check(ok, what)
  M.log((ok and "ok: " or "FAILED: ") .. what)
  if not ok then
    M.failures = M.failures + 1
  end
  return ok
end

-- vim.lsp.get_clients is 0.10+; 0.7 has get_active_clients.
function M.clients()
  return vim.lsp.get_clients and vim.lsp.get_clients() or vim.lsp.get_active_clients()
end

function M.finish(name)
  for _, client in ipairs(M.clients()) do
    vim.lsp.stop_client(client.id)
  end
  vim.wait(2000, function()
    return #M.clients() == 0
  end, 50)
  if M.failures == 0 then
    M.log(name .. " test passed")
  else
    M.log(("%s test: %d failure(s)"):format(name, M.failures))
  end
  vim.cmd(M.failures == 0 and "qall!" or "cquit! 1")
end

return M
