-- Tasklist's lists embed each task's list columns (the filter's "variables"): Camunda's REST
-- (HalTaskList) reads them with a VariableInstanceQuery by variableScopeIdIn(task, execution and
-- process instance ids) and variableNameIn, i.e. RES.VAR_SCOPE_ in (...) and RES.NAME_ in (...) on
-- ACT_RU_VARIABLE (VariableInstance.xml). Camunda indexes neither column, so every list of every user
-- read the whole runtime variable table (docs/benchmark: the largest part of the list's time at
-- national scale). With this index it reads the rows of the listed tasks' scopes only.
CREATE INDEX IF NOT EXISTS SAMVERKAN_IDX_VAR_SCOPE_NAME ON ACT_RU_VARIABLE (VAR_SCOPE_, NAME_);
